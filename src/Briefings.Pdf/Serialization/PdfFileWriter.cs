using System.IO.Compression;
using System.Security.Cryptography;

namespace Briefings.Pdf.Serialization;

/// <summary>
/// Writes a PDF file in one pass: header, numbered objects in any order (a number can be reserved
/// before its object is written, so pages can point at fonts written last), Flate-compressed streams,
/// the cross-reference table and the trailer. The file identifier is a hash of everything written
/// before it, so identical content gives identical bytes.
/// </summary>
internal sealed class PdfFileWriter
{
    private readonly PdfBuffer output;
    private readonly List<long> offsets = [0];
    private readonly MemoryStream compressed = new();
    private readonly int compressionLevel;

    /// <param name="compressionLevel">zlib level for streams, 1 (fastest) to 9 (smallest).</param>
    public PdfFileWriter(int compressionLevel = 6, int capacity = 1 << 16)
    {
        this.compressionLevel = compressionLevel;
        output = new PdfBuffer(capacity);
        // PDF 1.7 header; the comment of four high bytes tells transfer tools the file is binary (PDF/A requires it).
        output.Ascii("%PDF-1.7\n%").Bytes([0xE2, 0xE3, 0xCF, 0xD3]).Byte((byte)'\n');
    }

    /// <summary>The buffer objects are written to, between <see cref="Begin"/> and <see cref="End"/>.</summary>
    public PdfBuffer Out => output;

    /// <summary>A new object number whose object is written later.</summary>
    public int Reserve()
    {
        offsets.Add(-1);
        return offsets.Count - 1;
    }

    /// <summary>Starts object number (reserved earlier); write its body to <see cref="Out"/>, then call <see cref="End"/>.</summary>
    public PdfBuffer Begin(int number)
    {
        if (offsets[number] >= 0)
            throw new InvalidOperationException($"PDF object {number} is written twice.");
        offsets[number] = output.Length;
        return output.Int(number).Ascii(" 0 obj\n");
    }

    public void End() => output.Ascii("\nendobj\n");

    /// <summary>Writes a whole object from a dictionary or other body already formatted.</summary>
    public int Write(int number, Action<PdfBuffer> body)
    {
        body(Begin(number));
        End();
        return number;
    }

    public int Write(Action<PdfBuffer> body) => Write(Reserve(), body);

    /// <summary>
    /// Writes a stream object: dictionary entries from extra (may be null) plus /Length and, when compress
    /// is set, /Filter /FlateDecode.
    /// </summary>
    public int WriteStream(int number, ReadOnlySpan<byte> data, Action<PdfBuffer>? extra, bool compress = true)
    {
        ReadOnlySpan<byte> payload = data;
        if (compress)
        {
            compressed.SetLength(0);
            using (var zlib = new ZLibStream(compressed, new ZLibCompressionOptions { CompressionLevel = compressionLevel }, leaveOpen: true))
                zlib.Write(data);
            payload = compressed.GetBuffer().AsSpan(0, (int)compressed.Length);
        }
        var o = Begin(number).Ascii("<<");
        extra?.Invoke(o);
        o.Ascii("/Length ").Int(payload.Length);
        if (compress)
            o.Ascii("/Filter/FlateDecode");
        o.Ascii(">>\nstream\n").Bytes(payload).Ascii("\nendstream");
        End();
        return number;
    }

    public int WriteStream(ReadOnlySpan<byte> data, Action<PdfBuffer>? extra, bool compress = true) =>
        WriteStream(Reserve(), data, extra, compress);

    /// <summary>Cross-reference table and trailer; returns the finished file.</summary>
    public byte[] Finish(int root, int info)
    {
        for (int i = 1; i < offsets.Count; i++)
            if (offsets[i] < 0)
                throw new InvalidOperationException($"PDF object {i} was reserved but never written.");
        // The identifier is a hash of the content: identical input gives identical bytes.
        var id = MD5.HashData(output.Span);
        long xref = output.Length;
        output.Ascii("xref\n0 ").Int(offsets.Count).Ascii("\n0000000000 65535 f \n");
        Span<byte> entry = stackalloc byte[20];
        for (int i = 1; i < offsets.Count; i++)
        {
            long offset = offsets[i];
            for (int d = 9; d >= 0; d--)
            {
                entry[d] = (byte)('0' + offset % 10);
                offset /= 10;
            }
            " 00000 n \n"u8.CopyTo(entry[10..]);
            output.Bytes(entry);
        }
        output.Ascii("trailer\n<</Size ").Int(offsets.Count)
            .Ascii("/Root ").Int(root).Ascii(" 0 R/Info ").Int(info).Ascii(" 0 R/ID[<").Hex(id).Ascii("><").Hex(id).Ascii(">]>>\nstartxref\n")
            .Int(xref).Ascii("\n%%EOF\n");
        return output.ToArray();
    }
}
