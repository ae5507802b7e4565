using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace Briefings.Docx.Figures;

/// <summary>
/// A figure's raster as an 8-bit palette PNG. A figure is flat fills, lines and text: its pixels hold a few hundred
/// colours at most, so one byte per pixel says what three said, and deflating a third of the bytes was most of what
/// a fallback's PNG cost. With at most 256 colours the picture is exact. With more (anti-aliased edges between many
/// colours), the 256 most frequent colours are kept and every other one, a rare edge pixel, takes the nearest kept
/// colour.
/// </summary>
internal static class PalettePng
{
    private const int MaxColours = 256;
    private static ReadOnlySpan<byte> Signature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>
    /// Encodes <paramref name="pixels"/>: <paramref name="height"/> rows of <paramref name="stride"/> bytes, each pixel
    /// four bytes R, G, B and an ignored fourth (Skia's opaque RGB).
    /// </summary>
    public static byte[] Encode(ReadOnlySpan<byte> pixels, int width, int height, int stride)
    {
        var rows = ArrayPool<byte>.Shared.Rent(checked((width + 1) * Math.Max(1, height)));
        try
        {
            return Encode(pixels, width, height, stride, rows);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rows);
        }
    }

    /// <summary>Like <see cref="Encode(ReadOnlySpan{byte}, int, int, int)"/>, with the index rows (width + 1 bytes each) written into <paramref name="rows"/>.</summary>
    public static byte[] Encode(ReadOnlySpan<byte> pixels, int width, int height, int stride, Span<byte> rows)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(stride, width * 4);
        if (pixels.Length < (long)stride * (height - 1) + width * 4)
            throw new ArgumentException("fewer pixels than the size says", nameof(pixels));
        var rowLength = width + 1;
        if (rows.Length < (long)rowLength * height)
            throw new ArgumentException("too little room for the index rows", nameof(rows));
        if (IndexExact(pixels, width, height, stride, rows) is not { } palette)
        {
            palette = Palette(pixels, width, height, stride, out var colours);
            Index(pixels, width, height, stride, colours, rows);
        }
        // Pooled blocks, not a growing array: a map's PNG is over 100 KB, and each doubling would be a new array on
        // the large object heap, whose first allocations set off full collections in a short process.
        using var output = DocxDocumentWriter.Buffers.GetStream("figure picture");
        output.Write(Signature);
        Span<byte> header = stackalloc byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header[4..], height);
        header[8] = 8;  // bits per index
        header[9] = 3;  // colour type: palette
        header[10] = 0; // deflate
        header[11] = 0; // adaptive filtering (every row says None)
        header[12] = 0; // not interlaced
        Chunk(output, "IHDR"u8, header);
        var entries = new byte[palette.Length * 3];
        for (var i = 0; i < palette.Length; i++)
        {
            entries[3 * i] = (byte)palette[i];
            entries[3 * i + 1] = (byte)(palette[i] >> 8);
            entries[3 * i + 2] = (byte)(palette[i] >> 16);
        }
        Chunk(output, "PLTE"u8, entries);
        // The image data is deflated straight into the file, its chunk's length and CRC written around it after.
        var start = (int)output.Position;
        output.Write([0, 0, 0, 0]);
        output.Write("IDAT"u8);
        using (var zlib = new ZLibStream(output, CompressionLevel.Fastest, leaveOpen: true))
            zlib.Write(rows[..(rowLength * height)]);
        var end = output.Position;
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, checked((int)(end - start - 8)));
        output.Position = start;
        output.Write(number);
        output.Position = end;
        var crc = new Crc32();
        foreach (var segment in output.GetReadOnlySequence().Slice(start + 4))
            crc.Append(segment.Span);
        BinaryPrimitives.WriteUInt32BigEndian(number, crc.GetCurrentHashAsUInt32());
        output.Write(number);
        Chunk(output, "IEND"u8, []);
        return output.ToArray();
    }

    /// <summary>One chunk: length, type, data, and the CRC of type and data.</summary>
    private static void Chunk(Stream output, ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        output.Write(number);
        output.Write(type);
        output.Write(data);
        var crc = new Crc32();
        crc.Append(type);
        crc.Append(data);
        BinaryPrimitives.WriteUInt32BigEndian(number, crc.GetCurrentHashAsUInt32());
        output.Write(number);
    }

    /// <summary>
    /// Writes every row as a filter byte (None) and the palette index of each pixel, the palette growing in the order
    /// colours are first met (so the same pixels give the same file): one pass over the pixels. Null when a 257th
    /// colour is met.
    /// </summary>
    private static uint[]? IndexExact(ReadOnlySpan<byte> pixels, int width, int height, int stride, Span<byte> rows)
    {
        var colours = new ColourTable();
        var palette = new uint[MaxColours];
        var count = 0;
        var complete = WriteRows(pixels, width, height, stride, rows, (colour, run) =>
        {
            if (colours.TryIndex(colour, out var index))
                return index;
            if (count == MaxColours)
                return -1;
            palette[count] = colour;
            colours.Count(colour, run);
            colours.SetIndex(colour, (byte)count);
            return count++;
        });
        return complete ? palette[..count] : null;
    }

    /// <summary>
    /// The palette (0x00BBGGRR colours, most frequent first, ties by colour value, so the same pixels give the same
    /// file) and every colour of the picture with its index in <paramref name="colours"/>.
    /// </summary>
    private static uint[] Palette(ReadOnlySpan<byte> pixels, int width, int height, int stride, out ColourTable colours)
    {
        colours = new ColourTable();
        for (var y = 0; y < height; y++)
        {
            var row = MemoryMarshal.Cast<byte, uint>(pixels.Slice(y * stride, width * 4));
            for (int x = 0, run; x < row.Length; x += run)
            {
                run = Run(row[x..]);
                colours.Count(row[x] & 0xFFFFFF, run);
            }
        }
        var all = colours.Colours();
        Array.Sort(all, (a, b) => a.Count != b.Count ? b.Count.CompareTo(a.Count) : a.Colour.CompareTo(b.Colour));
        var palette = all.Take(MaxColours).Select(c => c.Colour).ToArray();
        for (var i = 0; i < all.Length; i++)
            colours.SetIndex(all[i].Colour, i < MaxColours ? (byte)i : Nearest(palette, all[i].Colour));
        return palette;
    }

    /// <summary>The palette index of the colour nearest <paramref name="colour"/> (least squared RGB distance, then lowest index).</summary>
    private static byte Nearest(uint[] palette, uint colour)
    {
        int best = 0;
        var bestDistance = int.MaxValue;
        for (var i = 0; i < palette.Length; i++)
        {
            int dr = (int)(colour & 0xFF) - (int)(palette[i] & 0xFF);
            int dg = (int)((colour >> 8) & 0xFF) - (int)((palette[i] >> 8) & 0xFF);
            int db = (int)((colour >> 16) & 0xFF) - (int)((palette[i] >> 16) & 0xFF);
            var distance = dr * dr + dg * dg + db * db;
            if (distance < bestDistance)
            {
                bestDistance = distance;
                best = i;
            }
        }
        return (byte)best;
    }

    /// <summary>Writes every row as a filter byte (None) and the palette index of each pixel.</summary>
    private static void Index(ReadOnlySpan<byte> pixels, int width, int height, int stride, ColourTable colours, Span<byte> rows) =>
        WriteRows(pixels, width, height, stride, rows, (colour, _) => colours.Index(colour));

    /// <summary>The palette index of a colour met in a run of that many pixels; negative stops the rows.</summary>
    private delegate int IndexOf(uint colour, int run);

    /// <summary>
    /// Writes the index rows: each a filter byte (None), then one index per pixel, asked once per run of one colour.
    /// False when <paramref name="indexOf"/> stopped it.
    /// </summary>
    private static bool WriteRows(ReadOnlySpan<byte> pixels, int width, int height, int stride, Span<byte> rows, IndexOf indexOf)
    {
        for (var y = 0; y < height; y++)
        {
            var row = MemoryMarshal.Cast<byte, uint>(pixels.Slice(y * stride, width * 4));
            var target = rows.Slice(y * (width + 1), width + 1);
            target[0] = 0;
            for (int x = 0, run; x < row.Length; x += run)
            {
                run = Run(row[x..]);
                var index = indexOf(row[x] & 0xFFFFFF, run);
                if (index < 0)
                    return false;
                target.Slice(x + 1, run).Fill((byte)index);
            }
        }
        return true;
    }

    /// <summary>How many pixels from the first are the same (a flat area is a long run, found a vector at a time).</summary>
    private static int Run(ReadOnlySpan<uint> pixels)
    {
        var other = pixels.IndexOfAnyExcept(pixels[0]);
        return other < 0 ? pixels.Length : other;
    }

    /// <summary>The colours of a picture with their pixel counts and palette indexes, in an open-addressed table.</summary>
    private sealed class ColourTable
    {
        private uint[] keys = new uint[1024];     // colour + 1; 0 is an empty slot
        private long[] counts = new long[1024];
        private byte[] indexes = new byte[1024];
        private int used;

        public void Count(uint colour, int pixels)
        {
            // The slot first: finding it may grow the table, and the arrays with it.
            var slot = Find(colour, add: true);
            counts[slot] += pixels;
        }

        public byte Index(uint colour) => indexes[Find(colour, add: false)];

        public bool TryIndex(uint colour, out byte index)
        {
            var mask = keys.Length - 1;
            for (var slot = Home(colour); ; slot = (slot + 1) & mask)
            {
                var key = keys[slot];
                if (key == colour + 1)
                {
                    index = indexes[slot];
                    return true;
                }
                if (key == 0)
                {
                    index = 0;
                    return false;
                }
            }
        }

        public void SetIndex(uint colour, byte index) => indexes[Find(colour, add: false)] = index;

        public (uint Colour, long Count)[] Colours()
        {
            var all = new (uint, long)[used];
            var n = 0;
            for (var slot = 0; slot < keys.Length; slot++)
                if (keys[slot] != 0)
                    all[n++] = (keys[slot] - 1, counts[slot]);
            return all;
        }

        private int Find(uint colour, bool add)
        {
            var mask = keys.Length - 1;
            for (var slot = Home(colour); ; slot = (slot + 1) & mask)
            {
                var key = keys[slot];
                if (key == colour + 1)
                    return slot;
                if (key == 0)
                {
                    if (!add)
                        throw new InvalidOperationException("a colour that was not counted");
                    if (2 * (used + 1) > keys.Length)
                    {
                        Grow();
                        return Find(colour, add);
                    }
                    keys[slot] = colour + 1;
                    used++;
                    return slot;
                }
            }
        }

        private int Home(uint colour) => (int)((ulong)(colour * 0x9E3779B1u) * (uint)keys.Length >> 32);

        private void Grow()
        {
            var (oldKeys, oldCounts, oldIndexes) = (keys, counts, indexes);
            keys = new uint[oldKeys.Length * 2];
            counts = new long[keys.Length];
            indexes = new byte[keys.Length];
            used = 0;
            for (var slot = 0; slot < oldKeys.Length; slot++)
                if (oldKeys[slot] != 0)
                {
                    var moved = Find(oldKeys[slot] - 1, add: true);
                    counts[moved] = oldCounts[slot];
                    indexes[moved] = oldIndexes[slot];
                }
        }
    }
}
