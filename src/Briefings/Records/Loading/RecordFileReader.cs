using System.Runtime.InteropServices;
using System.Text;

namespace Briefings.Records.Loading;

/// <summary>
/// Reads one record file within the limits: only regular files (a named pipe, socket or device called
/// <c>x.yaml</c> would block or never end), at most <see cref="RecordLimits.MaxFileBytes"/> bytes, decoded
/// strictly as UTF-8 (or UTF-16 with a byte-order mark), so a byte that is not text is a located error
/// instead of a silent replacement character.
/// </summary>
internal static class RecordFileReader
{
    /// <summary>The text of the file, or null with a diagnostic. <paramref name="bytesRead"/> counts towards the folder's budget.</summary>
    public static string? Read(FileContext file, RecordLimits limits, long budget, out long bytesRead)
    {
        bytesRead = 0;
        var kind = FileKind(file.Path);
        if (kind is not null)
        {
            file.Diagnostics.Add(new Diagnostic(file.Path, 1, 1, Severity.Error, DiagnosticCodes.Unreadable,
                $"not a regular file ({kind}): skipped"));
            return null;
        }
        byte[] bytes;
        try
        {
            using var stream = new FileStream(file.Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            var cap = Math.Min(limits.MaxFileBytes, budget);
            // Read one byte past the cap, so a file that grows or lies about its length is still caught.
            var buffer = new MemoryStream();
            var chunk = new byte[64 * 1024];
            int n;
            while ((n = stream.Read(chunk, 0, (int)Math.Min(chunk.Length, cap + 1 - buffer.Length))) > 0)
            {
                buffer.Write(chunk, 0, n);
                if (buffer.Length > cap) break;
            }
            bytesRead = buffer.Length;
            if (buffer.Length > cap)
            {
                var message = cap == limits.MaxFileBytes
                    ? $"file is larger than the limit of {limits.MaxFileBytes} bytes per record file: split the record"
                    : $"the records folder holds more than {limits.MaxTotalBytes} bytes of records (the limit per load): file skipped";
                file.Diagnostics.Add(new Diagnostic(file.Path, 1, 1, Severity.Error, DiagnosticCodes.LimitExceeded, message));
                return null;
            }
            bytes = buffer.ToArray();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            file.Diagnostics.Add(new Diagnostic(file.Path, 1, 1, Severity.Error, DiagnosticCodes.Unreadable, $"cannot read file: {e.Message}"));
            return null;
        }
        return Decode(file, bytes);
    }

    private static string? Decode(FileContext file, byte[] bytes)
    {
        if (bytes is [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..])
        {
            try
            {
                return new UnicodeEncoding(bytes[0] == 0xFE, false, true).GetString(bytes, 2, bytes.Length - 2);
            }
            catch (DecoderFallbackException)
            {
                file.Diagnostics.Add(new Diagnostic(file.Path, 1, 1, Severity.Error, DiagnosticCodes.BadEncoding,
                    "the file is not valid UTF-16: save it as UTF-8"));
                return null;
            }
        }
        var skip = bytes is [0xEF, 0xBB, 0xBF, ..] ? 3 : 0;
        // Walk the runes once: the first bad byte is located by the lines and columns of the text before it.
        var span = bytes.AsSpan(skip);
        int line = 1, column = 1, offset = 0;
        while (offset < span.Length)
        {
            if (System.Text.Rune.DecodeFromUtf8(span[offset..], out var rune, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                file.Diagnostics.Add(new Diagnostic(file.Path, line, column, Severity.Error, DiagnosticCodes.BadEncoding,
                    $"byte 0x{span[offset]:X2} is not UTF-8 text: save the file as UTF-8"));
                return null;
            }
            offset += consumed;
            if (rune.Value == '\n') (line, column) = (line + 1, 1);
            else column += rune.Utf16SequenceLength;
        }
        return Encoding.UTF8.GetString(span);
    }

    /// <summary>Null for a regular file; otherwise what it is ("named pipe", "socket", "device").</summary>
    internal static string? FileKind(string path)
    {
        if (!OperatingSystem.IsLinux())
            return null; // other systems: enumeration only yields files; devices and pipes in a folder are a Linux/Unix hazard
        var buffer = new byte[256];
        int result;
        try
        {
            // statx has the same layout on every Linux architecture; stx_mode is the u16 at offset 28.
            result = Statx(AtFdCwd, path, 0, StatxType, buffer);
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            return null;
        }
        if (result != 0)
            return null; // let the open report the problem
        var mode = BitConverter.ToUInt16(buffer, 28) & 0xF000;
        return mode switch
        {
            0x8000 => null,
            0x1000 => "named pipe",
            0xC000 => "socket",
            0x2000 => "character device",
            0x6000 => "block device",
            0x4000 => "directory",
            _ => "special file",
        };
    }

    private const int AtFdCwd = -100;
    private const uint StatxType = 0x1;

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static extern int Statx(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, [Out] byte[] buffer);
}
