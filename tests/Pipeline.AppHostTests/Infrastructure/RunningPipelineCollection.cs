namespace Pipeline.AppHostTests.Infrastructure;

[CollectionDefinition(Name)]
public sealed class RunningPipelineCollection : ICollectionFixture<RunningPipeline>
{
    public const string Name = "running pipeline";
}
