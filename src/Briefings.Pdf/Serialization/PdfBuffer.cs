using System.Buffers;
using System.Text;

namespace Briefings.Pdf.Serialization;

/// <summary>
/// A growable byte buffer with the few formatting operations PDF syntax needs, culture-free and
/// without intermediate strings: integers, fixed-point numbers (trailing zeros dropped), hexadecimal
/// glyph ids, names and text strings. Content streams and the file itself are written through it.
/// Its storage comes from the shared array pool and goes back there when it is disposed (a document's
/// buffers grow to hundreds of KB: renting them keeps a batch of documents from churning the large-object heap).
/// </summary>
internal sealed class PdfBuffer(int capacity = 4096) : IDisposable
{
    private byte[] bytes = ArrayPool<byte>.Shared.Rent(capacity);

    public int Length { get; private set; }

    public ReadOnlySpan<byte> Span => bytes.AsSpan(0, Length);
    public ReadOnlyMemory<byte> Memory => bytes.AsMemory(0, Length);

    public void Clear() => Length = 0;

    private void Ensure(int more)
    {
        if (Length + more <= bytes.Length)
            return;
        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(bytes.Length * 2, Length + more));
        bytes.AsSpan(0, Length).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(bytes);
        bytes = larger;
    }

    /// <summary>Gives the storage back to the pool; the buffer is empty (and can grow again) afterwards.</summary>
    public void Dispose()
    {
        if (bytes.Length > 0)
            ArrayPool<byte>.Shared.Return(bytes);
        bytes = [];
        Length = 0;
    }

    public PdfBuffer Byte(byte value)
    {
        Ensure(1);
        bytes[Length++] = value;
        return this;
    }

    public PdfBuffer Bytes(ReadOnlySpan<byte> data)
    {
        Ensure(data.Length);
        data.CopyTo(bytes.AsSpan(Length));
        Length += data.Length;
        return this;
    }

    /// <summary>ASCII text (PDF syntax: operators, keys, numbers already formatted).</summary>
    public PdfBuffer Ascii(string text)
    {
        Ensure(text.Length);
        for (int i = 0; i < text.Length; i++)
            bytes[Length++] = (byte)text[i];
        return this;
    }

    public PdfBuffer Int(long value)
    {
        Ensure(21);
        if (value < 0)
        {
            bytes[Length++] = (byte)'-';
            value = -value;
        }
        if (value == 0)
        {
            bytes[Length++] = (byte)'0';
            return this;
        }
        int start = Length;
        while (value > 0)
        {
            bytes[Length++] = (byte)('0' + value % 10);
            value /= 10;
        }
        bytes.AsSpan(start, Length - start).Reverse();
        return this;
    }

    private static readonly long[] Powers = [1, 10, 100, 1000, 10000, 100000];

    /// <summary>The value <see cref="Number"/> writes for value at decimals places: what a reader will use.</summary>
    public static double Rounded(double value, int decimals) =>
        (double)(long)Math.Round(value * Powers[decimals], MidpointRounding.AwayFromZero) / Powers[decimals];

    /// <summary>A real number rounded to decimals places (at most 5), without exponent or trailing zeros.</summary>
    public PdfBuffer Number(double value, int decimals = 2)
    {
        long scale = Powers[decimals];
        long scaled = (long)Math.Round(value * scale, MidpointRounding.AwayFromZero);
        if (scaled < 0)
        {
            Byte((byte)'-');
            scaled = -scaled;
        }
        long whole = scaled / scale, fraction = scaled % scale;
        Int(whole);
        if (fraction == 0)
            return this;
        Ensure(decimals + 1);
        bytes[Length++] = (byte)'.';
        int digits = decimals;
        while (fraction % 10 == 0)
        {
            fraction /= 10;
            digits--;
        }
        int end = Length + digits;
        for (int i = end - 1; i >= Length; i--)
        {
            bytes[i] = (byte)('0' + fraction % 10);
            fraction /= 10;
        }
        Length = end;
        return this;
    }

    private static ReadOnlySpan<byte> HexDigits => "0123456789ABCDEF"u8;

    /// <summary>
    /// One byte inside a literal string: the delimiters and the backslash escaped, and a carriage return
    /// written as \r (a reader would read a bare one as a line feed); every other byte as itself.
    /// </summary>
    public PdfBuffer StringByte(byte value) =>
        !NeedsEscape(value) ? Byte(value) : Byte((byte)'\\').Byte(value == (byte)'\r' ? (byte)'r' : value);

    /// <summary>A 2-byte glyph code inside a literal string, each byte as <see cref="StringByte"/> writes it.</summary>
    public PdfBuffer Code(int code)
    {
        byte high = (byte)(code >> 8), low = (byte)code;
        if (NeedsEscape(high) || NeedsEscape(low))
            return StringByte(high).StringByte(low);
        Ensure(2);
        bytes[Length] = high;
        bytes[Length + 1] = low;
        Length += 2;
        return this;
    }

    /// <summary>The bytes a literal string escapes: its delimiters, the backslash and a carriage return.</summary>
    private static bool NeedsEscape(byte value) => value is (byte)'(' or (byte)')' or (byte)'\\' or (byte)'\r';

    /// <summary>Four hexadecimal digits: a 2-byte glyph id or CID.</summary>
    public PdfBuffer Hex4(int value)
    {
        Ensure(4);
        bytes[Length] = HexDigits[(value >> 12) & 0xF];
        bytes[Length + 1] = HexDigits[(value >> 8) & 0xF];
        bytes[Length + 2] = HexDigits[(value >> 4) & 0xF];
        bytes[Length + 3] = HexDigits[value & 0xF];
        Length += 4;
        return this;
    }

    public PdfBuffer Hex(ReadOnlySpan<byte> data)
    {
        Ensure(data.Length * 2);
        foreach (var b in data)
        {
            bytes[Length++] = HexDigits[b >> 4];
            bytes[Length++] = HexDigits[b & 0xF];
        }
        return this;
    }

    /// <summary>A name object (/Name), with characters outside the regular set written as #xx.</summary>
    public PdfBuffer Name(string name)
    {
        Byte((byte)'/');
        foreach (var b in Encoding.UTF8.GetBytes(name))
        {
            if (b is > 0x21 and < 0x7F && b is not ((byte)'#' or (byte)'/' or (byte)'(' or (byte)')' or (byte)'<' or (byte)'>' or (byte)'[' or (byte)']' or (byte)'{' or (byte)'}' or (byte)'%'))
                Byte(b);
            else
            {
                Byte((byte)'#');
                Byte(HexDigits[b >> 4]);
                Byte(HexDigits[b & 0xF]);
            }
        }
        return this;
    }

    /// <summary>A text string: ASCII-only text as a literal string, anything else as UTF-16BE with a byte order mark in hex.</summary>
    public PdfBuffer Text(string text)
    {
        bool plain = true;
        foreach (char c in text)
            if (c is < ' ' or > '~')
            {
                plain = false;
                break;
            }
        if (plain)
        {
            Byte((byte)'(');
            foreach (char c in text)
                StringByte((byte)c);
            return Byte((byte)')');
        }
        Ascii("<FEFF");
        foreach (char c in text)
            Hex4(c);
        return Byte((byte)'>');
    }

    /// <summary>A byte string of ASCII characters as a literal string (dates, identifiers).</summary>
    public PdfBuffer Literal(string ascii) => Text(ascii);

    public byte[] ToArray() => Span.ToArray();
}
