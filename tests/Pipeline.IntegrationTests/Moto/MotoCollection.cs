using Xunit;

namespace Pipeline.IntegrationTests.Moto;

/// <summary>The moto tests share one server; a server start costs a second or two of Python imports.</summary>
[CollectionDefinition(Name)]
public sealed class MotoCollection : ICollectionFixture<MotoServerFixture>
{
    public const string Name = "moto";
}
