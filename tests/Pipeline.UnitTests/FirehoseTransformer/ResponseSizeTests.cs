using System.Text.Json;
using Pipeline.Contracts.Aws;
using Pipeline.Contracts.Aws.Firehose;
using Pipeline.FirehoseTransformer.Transformation;

namespace Pipeline.UnitTests.FirehoseTransformer;

/// <summary>The computed response size is exactly what the serializer writes.</summary>
public sealed class ResponseSizeTests
{
    public static TheoryData<int> Seeds() => [1, 2, 3, 4, 5];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Computed_size_equals_serialized_size(int seed)
    {
        var random = new Random(seed);
        var records = Enumerable.Range(0, 50).Select(i => new FirehoseTransformedRecord(
            RecordId: RandomText(random, 1 + random.Next(80)),
            Result: (FirehoseRecordResult)random.Next(3),
            Data: Convert.ToBase64String(RandomBytes(random, random.Next(300))),
            Metadata: random.Next(2) == 0
                ? null
                : new FirehoseRecordMetadata(Enumerable.Range(0, random.Next(1, 4)).ToDictionary(k => RandomText(random, 1 + k), _ => RandomText(random, random.Next(20))))))
            .ToArray();
        var response = new FirehoseTransformationResponse(records);

        var actual = JsonSerializer.SerializeToUtf8Bytes(response, AwsEventsJson.Context.FirehoseTransformationResponse).Length;
        var computed = ResponseSize.Envelope + records.Sum(ResponseSize.Of) + records.Length - 1;

        Assert.Equal(actual, computed);
    }

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    // Includes quotes, backslashes, control characters and non-ASCII, which the encoder escapes or not.
    private static string RandomText(Random random, int length) =>
        new(Enumerable.Range(0, length).Select(_ => "ab\"\\/+<>&é€\u0001\n 7_-"[random.Next(17)]).ToArray());
}
