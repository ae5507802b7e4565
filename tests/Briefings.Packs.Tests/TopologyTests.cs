using System.Text;
using Briefings.Figures;
using Xunit;

namespace Briefings.Packs.Tests;

/// <summary>The map's TopoJSON reader: members in any order, polygons and multipolygons, unused members skipped.</summary>
public sealed class TopologyTests
{
    [Fact]
    public void Reads_arcs_rings_names_and_transform_whatever_the_order_of_members()
    {
        // The transform after the arcs and objects (as in world-atlas), an unknown member of each kind, a position with
        // a third value, a geometry with no type, and a name that is not the first property.
        const string json = """
            {"arcs":[[[10,20],[1,-2,99]],[[5,5]]],
             "objects":{"land":{"type":"GeometryCollection","geometries":[{"type":"Polygon","arcs":[[7]]}]},
               "countries":{"type":"GeometryCollection","bbox":[0,0,1,1],"geometries":[
                 {"arcs":[[0,-2]],"type":"Polygon","properties":{"iso":{"a":[1]},"name":"Alpha"}},
                 {"type":"MultiPolygon","id":"2","arcs":[[[0],[1]],[[-1]]],"properties":{"name":"Beta"}},
                 {"type":null,"properties":{"name":"Gamma"}}]}},
             "bbox":[0,0,1,1],"type":"Topology",
             "transform":{"translate":[-180,-90],"scale":[0.5,0.25]}}
            """;
        var topology = Topology.Read(Encoding.UTF8.GetBytes(json));

        Assert.Equal((0.5, 0.25, -180.0, -90.0), topology.Transform);
        Assert.Equal(2, topology.Arcs.Count);
        Assert.Equal([10L, 20, 1, -2], topology.Arcs[0]);
        Assert.Equal([5L, 5], topology.Arcs[1]);

        Assert.Equal(["Alpha", "Beta", "Gamma"], topology.Countries.Select(c => c.Name));
        Assert.Equal([[0, -2]], topology.Countries[0].Rings);
        Assert.Equal([[0], [1], [-1]], topology.Countries[1].Rings);
        Assert.Empty(topology.Countries[2].Rings);
    }

    [Fact]
    public void A_type_or_name_that_is_not_a_string_is_passed_over_whole()
    {
        const string json = """
            {"objects":{"countries":{"geometries":[
              {"type":{"kind":"Polygon"},"arcs":[[0]],"properties":{"name":["Alpha"]}},
              {"type":"Polygon","arcs":[[1]],"properties":{"name":"Beta"}}]}}}
            """;
        var topology = Topology.Read(Encoding.UTF8.GetBytes(json));
        Assert.Equal(["", "Beta"], topology.Countries.Select(c => c.Name));
        Assert.Empty(topology.Countries[0].Rings);
        Assert.Equal([[1]], topology.Countries[1].Rings);
    }

    [Theory]
    [InlineData("""{"arcs":[[[1,2]]""")]
    [InlineData("""{"arcs":[[1,2]]}""")]
    [InlineData("""{"transform":{"scale":[1]}}""")]
    public void A_truncated_or_misshapen_file_is_refused(string json)
    {
        Assert.ThrowsAny<Exception>(() => Topology.Read(Encoding.UTF8.GetBytes(json)));
    }

    [Fact]
    public void The_bundled_atlas_reads_whole()
    {
        var topology = WorldMap.ReadAtlas();
        Assert.NotNull(topology.Transform);
        Assert.Equal(177, topology.Countries.Count);
        Assert.All(topology.Countries, c => Assert.NotEmpty(c.Rings));
        // Every ring's arcs exist, whichever way each is walked.
        Assert.All(topology.Countries.SelectMany(c => c.Rings).SelectMany(r => r),
            i => Assert.InRange(i >= 0 ? i : ~i, 0, topology.Arcs.Count - 1));
        Assert.Contains(topology.Countries, c => c.Name == "Timor-Leste");
    }
}
