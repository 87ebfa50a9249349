using Pipeline.IntegrationTests.LocalCloud.Cli;
namespace Pipeline.IntegrationTests.LocalCloud.Glue;

/// <summary>The AWS CLI against LocalCloud's crawler definitions: created, read READY, listed, deleted.</summary>
public sealed class GlueCliCrawlerTests : IClassFixture<LocalCloudFixture>
{
    private readonly LocalCloudFixture _cloud;

    public GlueCliCrawlerTests(LocalCloudFixture cloud) => _cloud = cloud;

    [AwsCliFact]
    public async Task A_crawler_definition_round_trips()
    {
        var cli = _cloud.Cli;
        var create = await cli.RunAsync(
            "glue", "create-crawler", "--name", "events-crawler", "--role", "arn:aws:iam::000000000000:role/crawler",
            "--database-name", "lake", "--targets", """{"S3Targets":[{"Path":"s3://lake/events/","Exclusions":["**/_tmp/**"]}]}""",
            "--schema-change-policy", "UpdateBehavior=LOG,DeleteBehavior=LOG");
        Assert.True(create.ExitCode == 0, create.Stderr);

        var crawler = (await cli.RunAsync("glue", "get-crawler", "--name", "events-crawler")).Json.GetProperty("Crawler");
        var list = (await cli.RunAsync("glue", "get-crawlers")).Json.GetProperty("Crawlers");
        var deleted = await cli.RunAsync("glue", "delete-crawler", "--name", "events-crawler");
        var gone = await cli.RunAsync("glue", "get-crawler", "--name", "events-crawler");

        Assert.Equal("READY", crawler.GetProperty("State").GetString());
        Assert.Equal("LOG", crawler.GetProperty("SchemaChangePolicy").GetProperty("UpdateBehavior").GetString());
        Assert.Equal("s3://lake/events/", crawler.GetProperty("Targets").GetProperty("S3Targets")[0].GetProperty("Path").GetString());
        Assert.Equal("events-crawler", Assert.Single(list.EnumerateArray()).GetProperty("Name").GetString());
        Assert.Equal(0, deleted.ExitCode);
        Assert.Equal("EntityNotFoundException", gone.ErrorCode);
    }
}
