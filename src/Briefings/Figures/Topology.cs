using System.Text.Json;

namespace Briefings.Figures;

/// <summary>
/// The parts of a TopoJSON topology a map draws: its quantisation transform, its arcs (positions still
/// delta-encoded, x and y interleaved) and, for each geometry of its "countries" object, the name and the rings
/// (each ring the arc indexes it is made of). Read in one forward pass with <see cref="Utf8JsonReader"/>; members
/// may come in any order, and members it does not use are skipped.
/// </summary>
internal sealed class Topology
{
    /// <summary>Scale and translation (x, then y) from quantised positions to degrees; null where the file has none.</summary>
    public (double ScaleX, double ScaleY, double TranslateX, double TranslateY)? Transform { get; private set; }

    /// <summary>Each arc's positions as read: the first absolute, each later one a difference from the one before.</summary>
    public List<long[]> Arcs { get; } = [];

    /// <summary>The polygons and multipolygons of the "countries" object: name and rings (other geometry types have none).</summary>
    public List<(string Name, List<int[]> Rings)> Countries { get; } = [];

    public static Topology Read(ReadOnlySpan<byte> json)
    {
        var topology = new Topology();
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        Next(ref reader, JsonTokenType.StartObject);
        while (Member(ref reader))
        {
            if (reader.ValueTextEquals("arcs"u8))
                topology.ReadArcs(ref reader);
            else if (reader.ValueTextEquals("objects"u8))
                topology.ReadObjects(ref reader);
            else if (reader.ValueTextEquals("transform"u8))
                topology.ReadTransform(ref reader);
            else
                SkipValue(ref reader);
        }
        return topology;
    }

    private void ReadArcs(ref Utf8JsonReader reader)
    {
        var positions = new List<long>();
        Next(ref reader, JsonTokenType.StartArray);
        while (Element(ref reader))
        {
            Expect(ref reader, JsonTokenType.StartArray);
            positions.Clear();
            while (Element(ref reader))
            {
                Expect(ref reader, JsonTokenType.StartArray);
                Next(ref reader, JsonTokenType.Number);
                positions.Add(reader.GetInt64());
                Next(ref reader, JsonTokenType.Number);
                positions.Add(reader.GetInt64());
                // A position may carry more values (TopoJSON allows them): not drawn.
                while (Element(ref reader))
                    reader.Skip();
            }
            Arcs.Add([.. positions]);
        }
    }

    private void ReadTransform(ref Utf8JsonReader reader)
    {
        double sx = 1, sy = 1, tx = 0, ty = 0;
        Next(ref reader, JsonTokenType.StartObject);
        while (Member(ref reader))
        {
            if (reader.ValueTextEquals("scale"u8))
                (sx, sy) = Pair(ref reader);
            else if (reader.ValueTextEquals("translate"u8))
                (tx, ty) = Pair(ref reader);
            else
                SkipValue(ref reader);
        }
        Transform = (sx, sy, tx, ty);

        static (double, double) Pair(ref Utf8JsonReader reader)
        {
            Next(ref reader, JsonTokenType.StartArray);
            Next(ref reader, JsonTokenType.Number);
            var x = reader.GetDouble();
            Next(ref reader, JsonTokenType.Number);
            var y = reader.GetDouble();
            Next(ref reader, JsonTokenType.EndArray);
            return (x, y);
        }
    }

    private void ReadObjects(ref Utf8JsonReader reader)
    {
        Next(ref reader, JsonTokenType.StartObject);
        while (Member(ref reader))
        {
            if (!reader.ValueTextEquals("countries"u8))
            {
                SkipValue(ref reader);
                continue;
            }
            Next(ref reader, JsonTokenType.StartObject);
            while (Member(ref reader))
            {
                if (!reader.ValueTextEquals("geometries"u8))
                {
                    SkipValue(ref reader);
                    continue;
                }
                Next(ref reader, JsonTokenType.StartArray);
                while (Element(ref reader))
                    ReadGeometry(ref reader);
            }
        }
    }

    private void ReadGeometry(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.StartObject);
        string? type = null, name = null;
        var rings = new List<int[]>();
        var indexes = new List<int>();
        while (Member(ref reader))
        {
            if (reader.ValueTextEquals("type"u8))
                type = StringValue(ref reader);
            else if (reader.ValueTextEquals("arcs"u8))
            {
                Next(ref reader, JsonTokenType.StartArray);
                ReadRings(ref reader, rings, indexes);
            }
            else if (reader.ValueTextEquals("properties"u8))
            {
                Next(ref reader, JsonTokenType.StartObject);
                while (Member(ref reader))
                {
                    if (reader.ValueTextEquals("name"u8))
                        name = StringValue(ref reader);
                    else
                        SkipValue(ref reader);
                }
            }
            else
                SkipValue(ref reader);
        }
        // A polygon's arcs are rings; a multipolygon's, polygons of rings: either way, every innermost array in order.
        Countries.Add((name ?? "", type is "Polygon" or "MultiPolygon" ? rings : []));
    }

    /// <summary>From the start of an array: each innermost array of arc indexes, in order, becomes a ring.</summary>
    private static void ReadRings(ref Utf8JsonReader reader, List<int[]> rings, List<int> indexes)
    {
        if (!reader.Read())
            throw Truncated();
        if (reader.TokenType == JsonTokenType.Number)
        {
            indexes.Clear();
            do
            {
                indexes.Add(reader.GetInt32());
                if (!reader.Read())
                    throw Truncated();
            } while (reader.TokenType == JsonTokenType.Number);
            Expect(ref reader, JsonTokenType.EndArray);
            rings.Add([.. indexes]);
            return;
        }
        while (reader.TokenType == JsonTokenType.StartArray)
        {
            ReadRings(ref reader, rings, indexes);
            if (!reader.Read())
                throw Truncated();
        }
        Expect(ref reader, JsonTokenType.EndArray);
    }

    /// <summary>Moves to the next member of an object: true on its name, false at the object's end.</summary>
    private static bool Member(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
            throw Truncated();
        if (reader.TokenType == JsonTokenType.EndObject)
            return false;
        Expect(ref reader, JsonTokenType.PropertyName);
        return true;
    }

    /// <summary>Moves to the next element of an array: true on its first token, false at the array's end.</summary>
    private static bool Element(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
            throw Truncated();
        return reader.TokenType != JsonTokenType.EndArray;
    }

    /// <summary>From a member's name, past its value.</summary>
    private static void SkipValue(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
            throw Truncated();
        reader.Skip();
    }

    /// <summary>From a member's name, past its value: the value if it is a string, else null.</summary>
    private static string? StringValue(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
            throw Truncated();
        if (reader.TokenType == JsonTokenType.String)
            return reader.GetString();
        reader.Skip();
        return null;
    }

    private static void Next(ref Utf8JsonReader reader, JsonTokenType type)
    {
        if (!reader.Read())
            throw Truncated();
        Expect(ref reader, type);
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type)
    {
        if (reader.TokenType != type)
            throw new InvalidDataException($"map boundaries: expected {type} at byte {reader.TokenStartIndex}, found {reader.TokenType}");
    }

    private static InvalidDataException Truncated() => new("map boundaries: the TopoJSON ends early");
}
