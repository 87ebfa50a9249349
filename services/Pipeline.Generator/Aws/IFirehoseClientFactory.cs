using Pipeline.Aws.Firehose;

namespace Pipeline.Generator.Aws;

/// <summary>Makes the Firehose client a run sends with; tests hand in a fake.</summary>
public interface IFirehoseClientFactory
{
    IFirehoseClient Create(FirehoseConnection connection);
}
