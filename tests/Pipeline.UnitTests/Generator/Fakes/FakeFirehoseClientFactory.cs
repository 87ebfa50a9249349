using Pipeline.AwsShapes.Firehose;
using Pipeline.Aws.Firehose;
using Pipeline.Generator.Aws;

namespace Pipeline.UnitTests.Generator.Fakes;

/// <summary>Hands the command a given client and remembers what connection it asked for.</summary>
internal sealed class FakeFirehoseClientFactory(IFirehoseClient client) : IFirehoseClientFactory
{
    public FirehoseConnection? Connection { get; private set; }

    public IFirehoseClient Create(FirehoseConnection connection)
    {
        Connection = connection;
        return client;
    }
}
