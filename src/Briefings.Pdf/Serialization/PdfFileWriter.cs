using System.IO.Compression;
using System.Security.Cryptography;

namespace Briefings.Pdf.Serialization;

/// <summary>
/// Writes a PDF file in one pass: header, numbered objects in any order (a number can be reserved
/// before its object is written, so pages can point at fonts written last), Flate-compressed streams,
/// and a cross-reference stream with the trailer. Objects other than streams (structure elements,
/// annotations, pages, font dictionaries: thousands of small dictionaries in a long pack) are packed
/// into compressed object streams. The file identifier is a hash of everything written before it, so
/// identical content gives identical bytes.
/// </summary>
internal sealed class PdfFileWriter : IDisposable
{
    /// <summary>Objects per object stream.</summary>
    private const int PackSize = 256;

    private readonly PdfBuffer output;
    // Per object number: (kind, value): 1 = offset in the file, 2 = (object stream number, index), -1 = not yet written.
    private readonly List<(int Kind, long Value, int Index)> entries = new(4096) { (0, 0, 0) };
    private readonly MemoryStream compressed = new();
    private readonly int compressionLevel;

    // The object stream being filled: its objects' numbers and offsets, and their bodies.
    private readonly PdfBuffer pack = new(1 << 16);
    private readonly List<(int Number, int Offset)> packed = [];
    private readonly PdfBuffer packHeader = new(4096);
    private bool inPacked;

    /// <param name="compressionLevel">zlib level for streams, 1 (fastest) to 9 (smallest).</param>
    /// <param name="capacity">The bytes reserved at first for the file (it grows as needed).</param>
    public PdfFileWriter(int compressionLevel = 6, int capacity = 1 << 16)
    {
        this.compressionLevel = compressionLevel;
        output = new PdfBuffer(capacity);
        // PDF 1.7 header; the comment of four high bytes tells transfer tools the file is binary (PDF/A requires it).
        output.Ascii("%PDF-1.7\n%").Bytes([0xE2, 0xE3, 0xCF, 0xD3]).Byte((byte)'\n');
    }

    /// <summary>Gives the buffers back to the pool (the file is finished or abandoned).</summary>
    public void Dispose()
    {
        output.Dispose();
        pack.Dispose();
        packHeader.Dispose();
        compressed.Dispose();
    }

    /// <summary>A new object number whose object is written later.</summary>
    public int Reserve()
    {
        entries.Add((-1, 0, 0));
        return entries.Count - 1;
    }

    private void CheckUnwritten(int number)
    {
        if (entries[number].Kind >= 0)
            throw new InvalidOperationException($"PDF object {number} is written twice.");
    }

    /// <summary>
    /// Starts object number (reserved earlier), which is not a stream; write its body to the buffer
    /// returned, then call <see cref="End"/>. It goes into an object stream.
    /// </summary>
    public PdfBuffer Begin(int number)
    {
        CheckUnwritten(number);
        entries[number] = (2, 0, packed.Count);
        packed.Add((number, pack.Length));
        inPacked = true;
        return pack;
    }

    public void End()
    {
        if (!inPacked)
            throw new InvalidOperationException("End without Begin.");
        inPacked = false;
        pack.Byte((byte)'\n');
        if (packed.Count >= PackSize)
            FlushPack();
    }

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
    /// is set, /Filter /FlateDecode (at level when given, else the writer's level).
    /// </summary>
    public int WriteStream(int number, ReadOnlySpan<byte> data, Action<PdfBuffer>? extra, bool compress = true, int? level = null)
    {
        CheckUnwritten(number);
        ReadOnlySpan<byte> payload = data;
        if (compress)
        {
            compressed.SetLength(0);
            using (var zlib = new ZLibStream(compressed, new ZLibCompressionOptions { CompressionLevel = level ?? compressionLevel }, leaveOpen: true))
                zlib.Write(data);
            payload = compressed.GetBuffer().AsSpan(0, (int)compressed.Length);
        }
        entries[number] = (1, output.Length, 0);
        var o = output.Int(number).Ascii(" 0 obj\n<<");
        extra?.Invoke(o);
        o.Ascii("/Length ").Int(payload.Length);
        if (compress)
            o.Ascii("/Filter/FlateDecode");
        o.Ascii(">>\nstream\n").Bytes(payload).Ascii("\nendstream\nendobj\n");
        return number;
    }

    public int WriteStream(ReadOnlySpan<byte> data, Action<PdfBuffer>? extra, bool compress = true, int? level = null) =>
        WriteStream(Reserve(), data, extra, compress, level);

    /// <summary>Writes the objects packed so far as one compressed object stream.</summary>
    private void FlushPack()
    {
        if (packed.Count == 0)
            return;
        int number = Reserve();
        packHeader.Clear();
        foreach (var (n, offset) in packed)
            packHeader.Int(n).Byte((byte)' ').Int(offset).Byte((byte)' ');
        packHeader.Byte((byte)'\n');
        int first = packHeader.Length;
        packHeader.Bytes(pack.Span);
        foreach (var (n, _) in packed)
            entries[n] = (2, number, entries[n].Index);
        int count = packed.Count;
        packed.Clear();
        pack.Clear();
        WriteStream(number, packHeader.Span, o => o.Ascii("/Type/ObjStm/N ").Int(count).Ascii("/First ").Int(first));
    }

    /// <summary>The cross-reference stream (with the trailer's entries); returns the finished file.</summary>
    public byte[] Finish(int root, int info) => FinishFile(root, info).ToArray();

    /// <summary>
    /// As <see cref="Finish(int, int)"/>, the finished file as the writer's own bytes (no copy), valid until
    /// the writer is disposed.
    /// </summary>
    public ReadOnlyMemory<byte> FinishFile(int root, int info)
    {
        FlushPack();
        int xrefNumber = Reserve();
        for (int i = 1; i < entries.Count; i++)
            if (entries[i].Kind < 0 && i != xrefNumber)
                throw new InvalidOperationException($"PDF object {i} was reserved but never written.");
        // The identifier is a hash of the content: identical input gives identical bytes. SHA-256 (its first
        // 16 bytes, the usual identifier length) runs in the processor's SHA instructions: faster than MD5.
        var id = SHA256.HashData(output.Span).AsSpan(0, 16).ToArray();
        long xref = output.Length;
        // Each entry: type (1 byte), offset or object stream number (4 bytes), index in the stream (2 bytes).
        var table = new byte[entries.Count * 7];
        for (int i = 0; i < entries.Count; i++)
        {
            var (kind, value, index) = i == xrefNumber ? (1, xref, 0) : entries[i];
            var row = table.AsSpan(i * 7, 7);
            row[0] = (byte)(i == 0 ? 0 : kind);
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(row[1..], (uint)(i == 0 ? 0 : value));
            System.Buffers.Binary.BinaryPrimitives.WriteUInt16BigEndian(row[5..], (ushort)(i == 0 ? 65535 : kind == 2 ? index : 0));
        }
        WriteStream(xrefNumber, table, o => o.Ascii("/Type/XRef/Size ").Int(entries.Count).Ascii("/W[1 4 2]/Root ").Int(root)
            .Ascii(" 0 R/Info ").Int(info).Ascii(" 0 R/ID[<").Hex(id).Ascii("><").Hex(id).Ascii(">]"));
        output.Ascii("startxref\n").Int(xref).Ascii("\n%%EOF\n");
        return output.Memory;
    }
}
