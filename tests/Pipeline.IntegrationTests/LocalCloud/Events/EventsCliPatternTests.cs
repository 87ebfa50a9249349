using Pipeline.IntegrationTests.LocalCloud.LambdaService.Support;
using Pipeline.LocalCloud.Events;
using AwsCli = Pipeline.IntegrationTests.LocalCloud.Cli.AwsCli;

namespace Pipeline.IntegrationTests.LocalCloud.Events;

/// <summary>
/// The rules the pipeline deploys, put with the AWS CLI: a name prefix and an anything-but on the state select
/// exactly the job state changes the notifier wants; a disabled rule matches nothing; a bad pattern is refused.
/// </summary>
public sealed class EventsCliPatternTests
{
    private const string Pattern = """
        {"source":["aws.glue"],"detail-type":["Glue Job State Change"],
         "detail":{"jobName":[{"prefix":"pipeline-local-"}],"state":[{"anything-but":["STARTING","RUNNING"]}]}}
        """;

    [AwsCliFact]
    public async Task Prefix_and_anything_but_select_the_events_of_the_pipelines_jobs_that_ended()
    {
        await using var cloud = await LocalCloudInstance.StartAsync();
        var work = Directory.CreateTempSubdirectory("localcloud-events-patterns-").FullName;
        try
        {
            var cli = new AwsCli(cloud.Endpoint.ToString().TrimEnd('/'), work);
            var rule = await cli.RunAsync("events", "put-rule", "--name", "job-state", "--event-pattern", Pattern);
            Assert.True(rule.ExitCode == 0, rule.Stderr);
            var disabled = await cli.RunAsync("events", "put-rule", "--name", "paused", "--event-pattern", """{"source":["aws.glue"]}""", "--state", "DISABLED");
            Assert.True(disabled.ExitCode == 0, disabled.Stderr);

            var bad = await cli.RunAsync("events", "put-rule", "--name", "bad", "--event-pattern", """{"detail":{"state":[{"anything-but":{"numeric":[">",1]}}]}}""");
            Assert.Equal("InvalidEventPatternException", bad.ErrorCode);

            var entries = """
                [{"Source":"aws.glue","DetailType":"Glue Job State Change","Detail":"{\"jobName\":\"pipeline-local-clickstream-etl\",\"state\":\"SUCCEEDED\"}"},
                 {"Source":"aws.glue","DetailType":"Glue Job State Change","Detail":"{\"jobName\":\"pipeline-local-clickstream-etl\",\"state\":\"RUNNING\"}"},
                 {"Source":"aws.glue","DetailType":"Glue Job State Change","Detail":"{\"jobName\":\"someone-elses-job\",\"state\":\"FAILED\"}"},
                 {"Source":"aws.glue","DetailType":"Glue Crawler State Change","Detail":"{\"crawlerName\":\"pipeline-local-clickstream-raw\",\"state\":\"Succeeded\"}"}]
                """;
            var put = await cli.RunAsync("events", "put-events", "--entries", cli.File("entries.json", entries));
            Assert.True(put.ExitCode == 0, put.Stderr);
            var ids = put.Json.GetProperty("Entries").EnumerateArray().Select(e => e.GetProperty("EventId").GetString()!).ToArray();

            var history = (IEventHistory)cloud.App.Services.GetService(typeof(IEventHistory))!;
            IReadOnlyList<string> Matched(int i) => history.Recent.Single(e => e.Id == ids[i]).MatchedRules;
            Assert.Equal(["job-state"], Matched(0));
            Assert.Empty(Matched(1));
            Assert.Empty(Matched(2));
            Assert.Empty(Matched(3));
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
