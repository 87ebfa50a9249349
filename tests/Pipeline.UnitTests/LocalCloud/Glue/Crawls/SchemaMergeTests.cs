using Pipeline.LocalCloud.Glue.Crawlers.Crawling;

namespace Pipeline.UnitTests.LocalCloud.Glue.Crawls;

/// <summary>Merging the schemas of a table's files: union of fields, recursively; numbers widen; disagreements become string.</summary>
public sealed class SchemaMergeTests
{
    private static HiveStruct Row(params (string Name, HiveType Type)[] fields) => new(fields.Select(f => new HiveField(f.Name, f.Type)).ToList());

    [Fact]
    public void Fields_are_united_in_first_seen_order_also_inside_structs()
    {
        var first = Row(("id", HivePrimitive.String), ("user", Row(("id", HivePrimitive.Int))));
        var second = Row(("user", Row(("name", HivePrimitive.String), ("id", HivePrimitive.Int))), ("referrer", HivePrimitive.String));

        var merged = SchemaMerger.Merge([first, second]);

        Assert.Equal("struct<id:string,user:struct<id:int,name:string>,referrer:string>", merged.ToString());
    }

    [Theory]
    [InlineData("int", "bigint", "bigint")]
    [InlineData("bigint", "int", "bigint")]
    [InlineData("int", "double", "double")]
    [InlineData("bigint", "double", "double")]
    [InlineData("smallint", "int", "int")]
    [InlineData("boolean", "int", "string")]
    [InlineData("string", "bigint", "string")]
    [InlineData("timestamp", "string", "string")]
    public void Scalars_widen_or_fall_back_to_string(string left, string right, string expected)
    {
        Assert.Equal(expected, SchemaMerger.Merge(new HivePrimitive(left), new HivePrimitive(right)).ToString());
    }

    [Fact]
    public void A_struct_against_a_scalar_is_string_and_arrays_merge_their_elements()
    {
        var merged = SchemaMerger.Merge(
            [Row(("user", Row(("id", HivePrimitive.Int))), ("tags", new HiveArray(HivePrimitive.Int))),
             Row(("user", HivePrimitive.String), ("tags", new HiveArray(HivePrimitive.Double)))]);

        Assert.Equal("struct<user:string,tags:array<double>>", merged.ToString());
    }

    [Fact]
    public void A_field_seen_only_as_null_takes_the_type_found_elsewhere()
    {
        var merged = SchemaMerger.Merge([Row(("note", HiveUnknown.Instance)), Row(("note", HivePrimitive.BigInt))]);
        var alone = SchemaMerger.Merge([Row(("note", HiveUnknown.Instance))]);

        Assert.Equal("bigint", merged.Fields.Single().Type.ToString());
        Assert.Equal("string", alone.Fields.Single().Type.ToString());
    }

    [Fact]
    public void Field_names_differing_only_in_case_are_one_field()
    {
        var merged = SchemaMerger.Merge([Row(("Price", HivePrimitive.Int)), Row(("price", HivePrimitive.Double))]);

        Assert.Equal("struct<Price:double>", merged.ToString());
    }
}
