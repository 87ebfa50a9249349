using Pipeline.Explorer.Athena;

namespace Pipeline.UnitTests.Explorer;

/// <summary>GetQueryResults pages shaped into the table the page draws.</summary>
public sealed class ResultTableShapesAthenaPagesTests
{
    [Fact]
    public void A_selects_label_row_is_dropped_and_later_pages_follow()
    {
        var table = ResultTable.From([ExplorerFixtureJsonContext.Page("select-page-1.json"), ExplorerFixtureJsonContext.Page("select-page-2.json")], "DML", 100);

        Assert.Equal([new ResultColumn("vendor", "varchar"), new ResultColumn("records", "bigint")], table.Columns);
        Assert.Equal(
            [["Volvo", "120"], ["Scania", "97"], [null, "12"], ["MAN", null]],
            table.Rows.Select(r => r.ToArray()).ToArray());
        Assert.False(table.Truncated);
    }

    [Fact]
    public void Rows_past_the_limit_are_cut_and_the_table_says_so()
    {
        var table = ResultTable.From([ExplorerFixtureJsonContext.Page("select-page-1.json"), ExplorerFixtureJsonContext.Page("select-page-2.json")], "DML", 3);

        Assert.Equal(3, table.Rows.Count);
        Assert.True(table.Truncated);
    }

    [Fact]
    public void A_utility_statements_first_row_is_data()
    {
        var table = ResultTable.From([ExplorerFixtureJsonContext.Page("show-tables.json")], "UTILITY", 100);

        Assert.Equal([["tab_name"], ["clickstream_stage"]], table.Rows.Select(r => r.ToArray()).ToArray());
    }

    [Fact]
    public void A_later_page_starting_like_the_labels_keeps_that_row()
    {
        var first = ExplorerFixtureJsonContext.Page("show-tables.json");

        var table = ResultTable.From([first, first], "DML", 100);

        Assert.Equal(["clickstream_stage", "tab_name", "clickstream_stage"], table.Rows.Select(r => r[0]));
    }

    [Fact]
    public void No_pages_is_an_empty_table() =>
        Assert.Equal((0, 0), (ResultTable.From([], "DML", 10).Columns.Count, ResultTable.From([], "DML", 10).Rows.Count));
}
