using System.Collections.Concurrent;
using System.Globalization;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Text;
using System.Xml;
using Briefings.Documents;
using SkiaSharp;

namespace Briefings.Docx.Figures;

/// <summary>
/// A figure's display list as the two pictures Word takes: SVG (vector, what Word draws) and a PNG fallback
/// at 300 dpi for readers without SVG, both from the same instructions and both deterministic.
/// </summary>
internal static partial class FigurePictures
{
    public const int FallbackDpi = 300;

    /// <summary>The drawing as an SVG document <paramref name="width"/> x <paramref name="height"/> points.</summary>
    public static byte[] Svg(Drawing drawing, FontTheme fonts, double width, double height)
    {
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = false, OmitXmlDeclaration = false };
        // Pooled blocks rather than a growing array: a map's SVG is over 100 KB.
        using var buffer = DocxDocumentWriter.Buffers.GetStream("figure svg");
        var pathData = new StringBuilder();
        var chunk = new char[4096];
        using (var xml = XmlWriter.Create(buffer, settings))
        {
            const string ns = "http://www.w3.org/2000/svg";
            xml.WriteStartElement("svg", ns);
            xml.WriteAttributeString("width", N(width) + "pt");
            xml.WriteAttributeString("height", N(height) + "pt");
            xml.WriteAttributeString("viewBox", $"0 0 {N(drawing.Width)} {N(drawing.Height)}");
            var clips = drawing.Items.Select(i => i.Clip).OfType<DrawingRect>().Distinct().ToList();
            if (clips.Count > 0)
            {
                xml.WriteStartElement("defs", ns);
                for (var i = 0; i < clips.Count; i++)
                {
                    xml.WriteStartElement("clipPath", ns);
                    xml.WriteAttributeString("id", $"clip{i + 1}");
                    xml.WriteStartElement("rect", ns);
                    xml.WriteAttributeString("x", N(clips[i].X));
                    xml.WriteAttributeString("y", N(clips[i].Y));
                    xml.WriteAttributeString("width", N(clips[i].Width));
                    xml.WriteAttributeString("height", N(clips[i].Height));
                    xml.WriteEndElement();
                    xml.WriteEndElement();
                }
                xml.WriteEndElement();
            }
            foreach (var item in drawing.Items)
            {
                switch (item)
                {
                    case DrawingPath path:
                        xml.WriteStartElement("path", ns);
                        // The path data in pieces: a map's is a quarter of a million characters, too many for one string.
                        xml.WriteStartAttribute("d");
                        foreach (var piece in PathData(pathData.Clear(), path.Segments).GetChunks())
                            for (var at = 0; at < piece.Length; at += chunk.Length)
                            {
                                var count = Math.Min(chunk.Length, piece.Length - at);
                                piece.Span.Slice(at, count).CopyTo(chunk);
                                xml.WriteRaw(chunk, 0, count);
                            }
                        xml.WriteEndAttribute();
                        xml.WriteAttributeString("fill", path.Fill ?? "none");
                        if (path.Stroke is { } stroke && path.StrokeWidth > 0)
                        {
                            xml.WriteAttributeString("stroke", stroke);
                            xml.WriteAttributeString("stroke-width", N(path.StrokeWidth));
                            xml.WriteAttributeString("stroke-linejoin", "round");
                        }
                        break;
                    case DrawingText text:
                        xml.WriteStartElement("text", ns);
                        xml.WriteAttributeString("x", N(text.X));
                        xml.WriteAttributeString("y", N(text.Y));
                        xml.WriteAttributeString("font-family", $"{(text.Font == FontRole.Heading ? fonts.Heading : fonts.Body)}, {(text.Font == FontRole.Heading ? "sans-serif" : "serif")}");
                        xml.WriteAttributeString("font-size", N(text.Size));
                        if (text.Bold)
                            xml.WriteAttributeString("font-weight", "bold");
                        xml.WriteAttributeString("fill", text.Colour);
                        if (text.Anchor != TextAnchor.Start)
                            xml.WriteAttributeString("text-anchor", text.Anchor == TextAnchor.Middle ? "middle" : "end");
                        if (item.Clip is { } textClip)
                            xml.WriteAttributeString("clip-path", $"url(#clip{clips.IndexOf(textClip) + 1})");
                        xml.WriteString(text.Text);
                        xml.WriteEndElement();
                        continue;
                    default:
                        continue;
                }
                if (item.Clip is { } clip)
                    xml.WriteAttributeString("clip-path", $"url(#clip{clips.IndexOf(clip) + 1})");
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        return buffer.ToArray();
    }

    /// <summary>SVG path data (digits, signs, points, spaces and command letters: nothing XML escapes).</summary>
    private static StringBuilder PathData(StringBuilder d, IReadOnlyList<PathSegment> segments)
    {
        foreach (var s in segments)
        {
            if (d.Length > 0)
                d.Append(' ');
            switch (s.Verb)
            {
                case PathVerb.Move: Number(Number(d.Append('M'), s.X).Append(' '), s.Y); break;
                case PathVerb.Line: Number(Number(d.Append('L'), s.X).Append(' '), s.Y); break;
                case PathVerb.Cubic:
                    Number(Number(Number(Number(Number(Number(d.Append('C'), s.X1).Append(' '), s.Y1).Append(' '), s.X2).Append(' '), s.Y2)
                        .Append(' '), s.X).Append(' '), s.Y);
                    break;
                case PathVerb.Close: d.Append('Z'); break;
            }
        }
        return d;
    }

    private static string N(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>
    /// Appends what <see cref="N"/> gives (two decimals at most, no trailing zeros) without a format string: a map's
    /// path data is thousands of numbers, and formatting them was most of its SVG's cost.
    /// </summary>
    private static StringBuilder Number(StringBuilder d, double value)
    {
        var hundredths = (long)Math.Round(Math.Round(value, 2) * 100);
        if (hundredths < 0)
        {
            d.Append('-');
            hundredths = -hundredths;
        }
        d.Append(hundredths / 100);
        var rest = (int)(hundredths % 100);
        if (rest != 0)
        {
            d.Append('.').Append((char)('0' + rest / 10));
            if (rest % 10 != 0)
                d.Append((char)('0' + rest % 10));
        }
        return d;
    }

    /// <summary>The drawing rasterised at 300 dpi on white, <paramref name="width"/> x <paramref name="height"/> points, as PNG.</summary>
    public static unsafe byte[] Png(Drawing drawing, FontTheme fonts, double width, double height)
    {
        var info = PixelInfo(width, height);
        // One buffer holds the pixels and, after them, the PNG's index rows (a filter byte and a byte per pixel).
        var indexBytes = (long)(info.Width + 1) * info.Height;
        Rasterising.Wait();
        try
        {
            var buffer = RentPixels(info.BytesSize64 + indexBytes);
            try
            {
                using (var surface = SKSurface.Create(info, buffer.Address, info.RowBytes) ?? throw CannotMake(info))
                    Draw(surface.Canvas, drawing, fonts, info);
                var pixels = new ReadOnlySpan<byte>((void*)buffer.Address, checked((int)info.BytesSize64));
                var rows = new Span<byte>((byte*)buffer.Address + info.BytesSize64, checked((int)indexBytes));
                return PalettePng.Encode(pixels, info.Width, info.Height, info.RowBytes, rows);
            }
            finally
            {
                ReturnPixels(buffer);
            }
        }
        finally
        {
            Rasterising.Release();
        }
    }

    /// <summary>At most one raster per core at a time, so no more pixel buffers exist than are kept.</summary>
    private static readonly SemaphoreSlim Rasterising = new(Environment.ProcessorCount);

    /// <summary>
    /// Pixel memory for rasters, kept for the next one (at most one buffer per core). A 300 dpi fallback is 7 to 11 MB
    /// of pixels and index rows. Allocated by Skia for each figure, on whichever pool thread drew it, those blocks
    /// fragmented the C heap's per-thread arenas, which kept growing over a long batch (the process's memory rose with
    /// the number of packs, not with the largest one); so a few buffers are allocated and reused. They are outside the
    /// managed heap: a buffer of that size allocated there (pinned) set off a full, compacting collection of the whole
    /// heap in a short process, about 40 ms of a cold digest pack.
    /// </summary>
    private static readonly Stack<PixelBuffer> SparePixels = new();

    private static PixelBuffer RentPixels(long size)
    {
        lock (SparePixels)
        {
            while (SparePixels.TryPop(out var spare))
            {
                if (spare.Size >= size)
                    return spare;
                spare.Free();
            }
        }
        // At least 16 MiB (a text-wide figure up to about 1,700 pixels high), else rounded up to a power of two, so one
        // buffer serves a pack's figures of different sizes (a chart, then a larger map). Only the pages a figure
        // writes are ever touched; a fresh buffer's every page touched is a fault the first time, which costs a cold
        // process more than drawing.
        return PixelBuffer.Allocate(Math.Max(16L << 20, (long)BitOperations.RoundUpToPowerOf2((ulong)size)));
    }

    private static void ReturnPixels(PixelBuffer buffer)
    {
        lock (SparePixels)
        {
            if (SparePixels.Count < Environment.ProcessorCount)
            {
                SparePixels.Push(buffer);
                return;
            }
        }
        buffer.Free();
    }

    /// <summary>
    /// Native memory for a raster, <see cref="Size"/> bytes at <see cref="Address"/> (aligned to 2 MiB). On Linux a
    /// mapping of its own, asked for huge pages: freeing it returns it to the system, where the C heap would keep a
    /// freed block of that size and serve later ones from its per-thread arenas; and a first touch maps 2 MiB, not
    /// 4 KiB (a map's raster touched 2,600 small pages, each a fault of about 10 µs in a virtual machine). Elsewhere,
    /// or where the mapping cannot be made, the C heap.
    /// </summary>
    private readonly partial record struct PixelBuffer(IntPtr Address, long Size, IntPtr Mapping, nuint MappingLength)
    {
        public const long HugePage = 2 << 20;

        public static unsafe PixelBuffer Allocate(long size)
        {
            if (OperatingSystem.IsLinux())
            {
                try
                {
                    // A huge page's worth more than asked, so the buffer can start on a huge-page boundary.
                    var length = (nuint)(size + HugePage);
                    var mapping = Mmap(IntPtr.Zero, length, ProtectRead | ProtectWrite, MapPrivate | MapAnonymous, -1, 0);
                    if (mapping != MapFailed)
                    {
                        var address = (IntPtr)(((long)mapping + HugePage - 1) & ~(HugePage - 1));
                        // Advice only: refused or unsupported, the buffer works the same with small pages.
                        _ = Madvise(address, (nuint)size, MadviseHugePage);
                        return new PixelBuffer(address, size, mapping, length);
                    }
                }
                catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
                {
                    // No C library by that name to ask: the C heap below.
                }
            }
            return new PixelBuffer((IntPtr)NativeMemory.AlignedAlloc((nuint)size, (nuint)HugePage), size, IntPtr.Zero, 0);
        }

        public unsafe void Free()
        {
            if (Mapping != IntPtr.Zero)
                _ = Munmap(Mapping, MappingLength);
            else
                NativeMemory.AlignedFree((void*)Address);
        }

        private const int ProtectRead = 1, ProtectWrite = 2, MapPrivate = 2, MapAnonymous = 0x20, MadviseHugePage = 14;
        private static readonly IntPtr MapFailed = -1;

        [LibraryImport("libc", EntryPoint = "mmap")]
        private static partial IntPtr Mmap(IntPtr address, nuint length, int protection, int flags, int descriptor, nint offset);

        [LibraryImport("libc", EntryPoint = "munmap")]
        private static partial int Munmap(IntPtr address, nuint length);

        [LibraryImport("libc", EntryPoint = "madvise")]
        private static partial int Madvise(IntPtr address, nuint length, int advice);
    }

    /// <summary>Fallbacks already drawn in this process, by content: the briefs of one journey share their route map.</summary>
    private static readonly ConcurrentDictionary<string, Lazy<byte[]>> Drawn = new(StringComparer.Ordinal);
    private static long drawnBytes;
    private const long DrawnLimit = 4L << 20;

    /// <summary>
    /// <see cref="Png"/>, drawn once per process for the same content: the key hashes every instruction at full
    /// precision with the fonts and the size, so a cached picture is exactly the one that drawing would give (the same
    /// bytes whatever was rendered before). At most 4 MiB of pictures are kept (about fifty): when that is reached the
    /// cache starts over (a batch renders the briefs of one journey one after the other, so the pictures worth keeping
    /// are the recent ones). A generated quarter of a thousand packs draws hundreds of pictures and finds none drawn
    /// already: with 16 MiB the cache was most of what such a batch held beyond a small one.
    /// </summary>
    public static byte[] CachedPng(Drawing drawing, FontTheme fonts, double width, double height)
    {
        var key = ContentKey(drawing, fonts, width, height);
        if (Drawn.TryGetValue(key, out var known))
            return known.Value;
        if (Interlocked.Read(ref drawnBytes) >= DrawnLimit)
            ForgetDrawn();
        var entry = Drawn.GetOrAdd(key, _ => new Lazy<byte[]>(() =>
        {
            var png = Png(drawing, fonts, width, height);
            Interlocked.Add(ref drawnBytes, png.Length);
            return png;
        }));
        return entry.Value;
    }

    /// <summary>Forgets the pictures drawn so far (the figure benchmark measures drawing them).</summary>
    internal static void ForgetDrawn()
    {
        Drawn.Clear();
        Interlocked.Exchange(ref drawnBytes, 0);
    }

    /// <summary>
    /// SHA-256 of everything the raster is drawn from, written into one buffer and hashed once (a map is thousands of
    /// segments: hashing them number by number cost more than encoding its picture). Each segment carries the
    /// coordinates its verb draws with.
    /// </summary>
    private static string ContentKey(Drawing drawing, FontTheme fonts, double width, double height)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(
            1024 + drawing.Items.Sum(item => item is DrawingPath path ? 64 + 56 * path.Segments.Count : 128));
        void Add(double value)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteDoubleLittleEndian(buffer.GetSpan(8), value);
            buffer.Advance(8);
        }
        void Text(string? value)
        {
            var text = value ?? "\u0000";
            var span = buffer.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length) + 1);
            var written = Encoding.UTF8.GetBytes(text, span);
            span[written] = 0;
            buffer.Advance(written + 1);
        }
        Text(fonts.Body);
        Text(fonts.Heading);
        Add(width); Add(height); Add(drawing.Width); Add(drawing.Height);
        foreach (var item in drawing.Items)
        {
            if (item.Clip is { } clip) { Text("clip"); Add(clip.X); Add(clip.Y); Add(clip.Width); Add(clip.Height); }
            switch (item)
            {
                case DrawingPath path:
                    Text(path.EdgesCovered ? "path covered" : "path");
                    Text(path.Mesh ? "mesh" : "lines");
                    Text(path.Fill); Text(path.Stroke); Add(path.StrokeWidth);
                    foreach (var segment in path.Segments)
                    {
                        Add((int)segment.Verb);
                        if (segment.Verb == PathVerb.Cubic)
                        {
                            Add(segment.X1); Add(segment.Y1); Add(segment.X2); Add(segment.Y2);
                        }
                        if (segment.Verb != PathVerb.Close)
                        {
                            Add(segment.X); Add(segment.Y);
                        }
                    }
                    break;
                case DrawingText text:
                    Text("text"); Text(text.Text); Add((int)text.Font); Add(text.Size); Text(text.Colour); Add(text.X); Add(text.Y); Add((int)text.Anchor); Add(text.Bold ? 1 : 0);
                    break;
            }
        }
        return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(buffer.WrittenSpan));
    }

    /// <summary>The drawing rasterised at 300 dpi on white, <paramref name="width"/> x <paramref name="height"/> points.</summary>
    public static SKImage Raster(Drawing drawing, FontTheme fonts, double width, double height)
    {
        var info = PixelInfo(width, height);
        using var surface = SKSurface.Create(info) ?? throw CannotMake(info);
        Draw(surface.Canvas, drawing, fonts, info);
        return surface.Snapshot();
    }

    /// <summary>The pixels of a fallback <paramref name="width"/> x <paramref name="height"/> points at 300 dpi.</summary>
    private static SKImageInfo PixelInfo(double width, double height) => new(
        Math.Max(1, (int)Math.Round(width / 72 * FallbackDpi)),
        Math.Max(1, (int)Math.Round(height / 72 * FallbackDpi)),
        SKColorType.Rgb888x, SKAlphaType.Opaque);

    private static DocumentWriteException CannotMake(SKImageInfo info) =>
        new(DocumentCodes.DocxContent, $"cannot make a {info.Width} x {info.Height} picture for a figure");

    /// <summary>Draws the drawing on white, scaled to fill the pixels of <paramref name="info"/>.</summary>
    private static void Draw(SKCanvas canvas, Drawing drawing, FontTheme fonts, SKImageInfo info)
    {
        int pixelWidth = info.Width, pixelHeight = info.Height;
        canvas.Clear(SKColors.White);
        float scale = (float)Math.Min(pixelWidth / drawing.Width, pixelHeight / drawing.Height);
        canvas.Scale(scale);
        using var paint = new SKPaint { IsAntialias = true };
        foreach (var item in drawing.Items)
        {
            canvas.Save();
            if (item.Clip is { } clip)
                canvas.ClipRect(new SKRect((float)clip.X, (float)clip.Y, (float)(clip.X + clip.Width), (float)(clip.Y + clip.Height)));
            switch (item)
            {
                case DrawingPath path:
                    // Bars, frames and grid lines land on whole pixels without anti-aliasing, under half a pixel (an eighth of a
                    // point) from where they would be: sharp edges, and no blended colours for the palette to hold.
                    var square = Square(path.Segments);
                    using (var sk = ToSkia(path.Segments))
                    {
                        if (path.Fill is { } fill)
                        {
                            // Anti-aliasing a fill whose edges a stroke covers changes no visible pixel and was half a map's raster time.
                            paint.IsAntialias = !path.EdgesCovered && !square;
                            paint.Style = SKPaintStyle.Fill;
                            paint.Color = SKColor.Parse(fill);
                            canvas.DrawPath(sk, paint);
                        }
                        if (path.Stroke is { } stroke && path.StrokeWidth > 0)
                        {
                            // A mesh's joins are under a pixel wide at this resolution: bevelled, they look the same and stroke faster.
                            paint.IsAntialias = !path.Mesh && !square;
                            paint.Style = SKPaintStyle.Stroke;
                            paint.StrokeWidth = (float)path.StrokeWidth;
                            paint.StrokeJoin = path.Mesh ? SKStrokeJoin.Bevel : SKStrokeJoin.Round;
                            paint.Color = SKColor.Parse(stroke);
                            canvas.DrawPath(sk, paint);
                        }
                    }
                    break;
                case DrawingText text:
                    var family = text.Font == FontRole.Heading ? fonts.Heading : fonts.Body;
                    // Unhinted: at 300 dpi hinting changes nothing a reader sees, and FreeType's TrueType interpreter
                    // ran for every glyph (a few ms of a new process's first figure).
                    using (var font = new SKFont(Typeface(family, text.Bold), (float)text.Size) { Subpixel = true, Hinting = SKFontHinting.None })
                    {
                        paint.IsAntialias = true;
                        paint.Style = SKPaintStyle.Fill;
                        paint.Color = SKColor.Parse(text.Colour);
                        var align = text.Anchor switch { TextAnchor.Middle => SKTextAlign.Center, TextAnchor.End => SKTextAlign.Right, _ => SKTextAlign.Left };
                        canvas.DrawText(text.Text, (float)text.X, (float)text.Y, align, font, paint);
                    }
                    break;
            }
            canvas.Restore();
        }
    }

    /// <summary>A raster as PNG (the figure benchmark times drawing and encoding apart).</summary>
    public static byte[] Encode(SKImage image)
    {
        using var pixels = image.PeekPixels() ?? throw new DocumentWriteException(DocumentCodes.DocxContent, "cannot read the pixels of a figure picture");
        return Encode(pixels);
    }

    private static byte[] Encode(SKPixmap pixels)
    {
        if (pixels.ColorType != SKColorType.Rgb888x)
            throw new DocumentWriteException(DocumentCodes.DocxContent, $"cannot encode a figure picture of {pixels.ColorType} pixels");
        return PalettePng.Encode(pixels.GetPixelSpan(), pixels.Width, pixels.Height, pixels.RowBytes);
    }

    /// <summary>True when every edge of the path is horizontal or vertical (the edge that closes a subpath too).</summary>
    private static bool Square(IReadOnlyList<PathSegment> segments)
    {
        double startX = 0, startY = 0, x = 0, y = 0;
        foreach (var s in segments)
        {
            switch (s.Verb)
            {
                case PathVerb.Move:
                    (startX, startY, x, y) = (s.X, s.Y, s.X, s.Y);
                    break;
                case PathVerb.Line:
                    if (s.X != x && s.Y != y)
                        return false;
                    (x, y) = (s.X, s.Y);
                    break;
                case PathVerb.Close:
                    if (startX != x && startY != y)
                        return false;
                    (x, y) = (startX, startY);
                    break;
                default:
                    return false;
            }
        }
        return segments.Count > 0;
    }

    private static SKPath ToSkia(IReadOnlyList<PathSegment> segments)
    {
        var path = new SKPath();
        foreach (var s in segments)
        {
            switch (s.Verb)
            {
                case PathVerb.Move: path.MoveTo((float)s.X, (float)s.Y); break;
                case PathVerb.Line: path.LineTo((float)s.X, (float)s.Y); break;
                case PathVerb.Cubic: path.CubicTo((float)s.X1, (float)s.Y1, (float)s.X2, (float)s.Y2, (float)s.X, (float)s.Y); break;
                case PathVerb.Close: path.Close(); break;
            }
        }
        return path;
    }

    private static readonly ConcurrentDictionary<(string Family, bool Bold), SKTypeface> Typefaces = new();

    /// <summary>The bundled face of a theme family (the same bytes on every machine); an unbundled family falls back to Noto Sans.</summary>
    private static SKTypeface Typeface(string family, bool bold) => Typefaces.GetOrAdd((family, bold), key =>
    {
        var file = BundledFonts.File(key.Family, key.Bold, false) ?? BundledFonts.File("Noto Sans", key.Bold, false)!;
        return SKTypeface.FromData(InPlace(BundledFonts.Read(file)));
    });

    /// <summary>A bundled font's bytes for Skia where they are (pinned for the process's life), not copied.</summary>
    private static SKData InPlace(byte[] bundled) => SKData.Create(BundledFonts.NativeAddress(bundled).Address, bundled.Length);
}
