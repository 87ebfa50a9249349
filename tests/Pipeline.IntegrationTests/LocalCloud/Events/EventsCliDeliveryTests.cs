using System.Text.Json;
using AwsCli = Pipeline.IntegrationTests.LocalCloud.Cli.AwsCli;
using Pipeline.IntegrationTests.LocalCloud.LambdaService.Support;
using Pipeline.LocalCloud.Events;

namespace Pipeline.IntegrationTests.LocalCloud.Events;

/// <summary>The AWS CLI puts a rule, a Lambda target and events; only the matching event reaches the function.</summary>
public sealed class EventsCliDeliveryTests
{
    [AwsCliFact]
    public async Task A_matching_event_reaches_the_lambda_target()
    {
        await using var cloud = await LocalCloudInstance.StartAsync();
        var work = Directory.CreateTempSubdirectory("localcloud-events-cli-").FullName;
        try
        {
            await cloud.CreateFunctionAsync("event-sink");
            var cli = new AwsCli(cloud.Endpoint.ToString().TrimEnd('/'), work);
            var sink = Path.Combine(work, "delivered.txt");

            var rule = await cli.RunAsync("events", "put-rule", "--name", "crawled", "--event-pattern", """{"source":["aws.glue"],"detail":{"state":["Succeeded"]}}""");
            Assert.True(rule.ExitCode == 0, rule.Stderr);
            Assert.Equal("arn:aws:events:us-east-1:000000000000:rule/crawled", rule.Json.GetProperty("RuleArn").GetString());

            // The test function appends when its event says so; the envelope goes to the second target.
            var input = JsonSerializer.Serialize(new Dictionary<string, string> { ["action"] = "append", ["file"] = sink, ["line"] = "delivered" }, TestJson.Default.DictionaryStringString);
            var targets = $$"""[{"Id":"append","Arn":"arn:aws:lambda:us-east-1:000000000000:function:event-sink","Input":{{JsonSerializer.Serialize(input, TestJson.Default.String)}}},{"Id":"envelope","Arn":"arn:aws:lambda:us-east-1:000000000000:function:event-sink"}]""";
            var put = await cli.RunAsync("events", "put-targets", "--rule", "crawled", "--targets", cli.File("targets.json", targets));
            Assert.True(put.ExitCode == 0, put.Stderr);
            Assert.Equal(0, put.Json.GetProperty("FailedEntryCount").GetInt32());

            var listed = await cli.RunAsync("events", "list-targets-by-rule", "--rule", "crawled");
            Assert.Equal(2, listed.Json.GetProperty("Targets").GetArrayLength());

            var entries = """
                [{"Source":"aws.glue","DetailType":"Glue Crawler State Change","Detail":"{\"crawlerName\":\"raw\",\"state\":\"Succeeded\"}"},
                 {"Source":"aws.glue","DetailType":"Glue Crawler State Change","Detail":"{\"crawlerName\":\"raw\",\"state\":\"Failed\"}"}]
                """;
            var events = await cli.RunAsync("events", "put-events", "--entries", cli.File("entries.json", entries));
            Assert.True(events.ExitCode == 0, events.Stderr);
            Assert.Equal(0, events.Json.GetProperty("FailedEntryCount").GetInt32());
            var matchedId = events.Json.GetProperty("Entries")[0].GetProperty("EventId").GetString()!;

            Assert.True(await cloud.LoggedAsync(l => l.Message.Contains($"Delivered event {matchedId} of rule crawled to arn:aws:lambda:us-east-1:000000000000:function:event-sink", StringComparison.Ordinal)));
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (!File.Exists(sink) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }

            Assert.Equal(["delivered"], File.ReadAllLines(sink));
            var history = cloud.App.Services.GetService(typeof(IEventHistory)) as IEventHistory;
            Assert.Equal(["crawled"], history!.Recent.Single(e => e.Id == matchedId).MatchedRules);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
