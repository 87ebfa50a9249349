using Pipeline.LocalCloud.Athena.Results;

namespace Pipeline.UnitTests.LocalCloud.Athena;

/// <summary>Result CSVs quote every value like Athena, leave NULL unquoted and empty, and read back losslessly.</summary>
public sealed class AthenaCsvTests
{
    [Fact]
    public void Quotes_every_value_and_doubles_inner_quotes()
    {
        using var writer = new StringWriter();

        AthenaCsv.Write(writer, [["vendor", "note"], ["acme", "say \"hi\", then\nleave"], [null, ""]]);

        Assert.Equal("\"vendor\",\"note\"\n\"acme\",\"say \"\"hi\"\", then\nleave\"\n,\"\"\n", writer.ToString());
    }

    [Fact]
    public void Reads_back_what_it_wrote_telling_null_from_empty()
    {
        string?[][] rows = [["a", null, ""], ["x,y", "\"q\"", "line\nbreak"], [null, null, null]];
        using var writer = new StringWriter();
        AthenaCsv.Write(writer, rows);

        var parsed = AthenaCsv.Parse(writer.ToString());

        Assert.Equal(rows, parsed);
    }
}
