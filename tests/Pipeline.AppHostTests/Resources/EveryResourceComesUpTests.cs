using Pipeline.AppHostTests.Infrastructure;

namespace Pipeline.AppHostTests.Resources;

/// <summary>`dotnet run` of the app host brings up every resource of the diagram, under LocalCloud where AWS holds it.</summary>
[Collection(RunningPipelineCollection.Name)]
public sealed class EveryResourceComesUpTests(RunningPipeline pipeline)
{
    [Fact]
    public void Every_resource_is_running_and_healthy_and_provisioning_has_finished()
    {
        foreach (var resource in pipeline.Host.Resources)
        {
            Assert.True(pipeline.Host.Notifications.TryGetCurrentState(resource.Name, out var current), $"{resource.Name} has no state");
            var snapshot = current.Snapshot;
            if (resource.Name == "provisioning")
            {
                Assert.Equal(KnownResourceStates.Finished, snapshot.State?.Text);
                Assert.Equal(0, snapshot.ExitCode);
            }
            else
            {
                Assert.NotEqual(KnownResourceStates.Waiting, snapshot.State?.Text);
                Assert.NotEqual(KnownResourceStateStyles.Error, snapshot.State?.Style);
                Assert.NotEqual(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Unhealthy, snapshot.HealthStatus);
            }
        }
    }

    [Fact]
    public void The_diagrams_resources_are_there_grouped_under_localcloud()
    {
        var names = pipeline.Host.Resources.Select(r => r.Name).ToHashSet();
        string[] expected =
        [
            "localcloud", "provisioning", "data-lake", "firehose-transformer", "crawler-trigger", "etl-runner", "notifier",
            "crawler-clickstream", "crawler-vehicle-telemetry", "etl-clickstream", "etl-vehicle-telemetry", "job-notifications", "alarm-notifications", "athena",
            "generator-clickstream", "generator-vehicle-telemetry", "explorer",
        ];
        Assert.Empty(expected.Except(names));

        var parents = pipeline.Host.Resources
            .Where(r => r.Name is not ("localcloud" or "generator-clickstream" or "generator-vehicle-telemetry" or "explorer"))
            .ToDictionary(r => r.Name, r => r.Annotations.OfType<ResourceRelationshipAnnotation>().FirstOrDefault(a => a.Type == "Parent")?.Resource.Name);
        Assert.All(parents, p => Assert.Equal("localcloud", p.Value));
    }
}
