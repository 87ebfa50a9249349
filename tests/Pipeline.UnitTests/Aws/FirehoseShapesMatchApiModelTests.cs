using System.Net;
using System.Text.Json;
using Pipeline.AwsShapes.Firehose;
using Pipeline.Aws.Firehose;
using Pipeline.UnitTests.Aws.Fakes;
using Xunit;

namespace Pipeline.UnitTests.Aws;

/// <summary>Every member the client sends exists in firehose.json's input shape, with the shape's type, and required members are there.</summary>
public sealed class FirehoseShapesMatchApiModelTests
{
    private readonly AwsTestClients _aws = new();

    public static TheoryData<string> Operations => ["PutRecordBatch", "PutRecord", "CreateDeliveryStream", "DescribeDeliveryStream", "ListDeliveryStreams", "DeleteDeliveryStream"];

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task Request_conforms_to_the_operations_input_shape(string operation)
    {
        var body = await SendAsync(operation);

        using var model = ApiModels.Load("firehose");
        var shapes = model.RootElement.GetProperty("shapes");
        var input = model.RootElement.GetProperty("operations").GetProperty(operation).GetProperty("input").GetProperty("shape").GetString()!;
        using var json = JsonDocument.Parse(body);
        AssertConforms(shapes, input, json.RootElement, operation);
    }

    private async Task<byte[]> SendAsync(string operation)
    {
        _aws.Handler.ThenJson(HttpStatusCode.OK, "{}");
        var firehose = _aws.Firehose();
        try
        {
            await (operation switch
            {
                "PutRecordBatch" => firehose.PutRecordBatchAsync("s", [new byte[] { 1 }]),
                "PutRecord" => firehose.PutRecordAsync("s", new byte[] { 1 }),
                "CreateDeliveryStream" => firehose.CreateDeliveryStreamAsync(FullyPopulatedCreateRequest()),
                "DescribeDeliveryStream" => firehose.DescribeDeliveryStreamAsync("s"),
                "ListDeliveryStreams" => firehose.ListDeliveryStreamsAsync(10, "a", "DirectPut"),
                "DeleteDeliveryStream" => firehose.DeleteDeliveryStreamAsync("s", allowForceDelete: true),
                _ => throw new ArgumentOutOfRangeException(nameof(operation)),
            });
        }
        catch (JsonException)
        {
            // The scripted {} is not a valid output for every operation; only the request matters here.
        }

        return _aws.Handler.Single.Body;
    }

    private static CreateDeliveryStreamInput FullyPopulatedCreateRequest() => new()
    {
        DeliveryStreamName = "s",
        ExtendedS3DestinationConfiguration = new ExtendedS3DestinationConfiguration
        {
            BucketARN = "arn:aws:s3:::b",
            RoleARN = "arn:aws:iam::123456789012:role/r",
            Prefix = "raw/",
            ErrorOutputPrefix = "errors/",
            BufferingHints = new BufferingHints { SizeInMBs = 64, IntervalInSeconds = 60 },
            CompressionFormat = "GZIP",
            ProcessingConfiguration = new ProcessingConfiguration
            {
                Enabled = true,
                Processors = [new Processor { Type = "Lambda", Parameters = [new ProcessorParameter { ParameterName = "LambdaArn", ParameterValue = "arn:l" }] }],
            },
            DynamicPartitioningConfiguration = new DynamicPartitioningConfiguration { Enabled = true, RetryOptions = new RetryOptions { DurationInSeconds = 300 } },
            FileExtension = ".json.gz",
            CustomTimeZone = "UTC",
        },
    };

    private static void AssertConforms(JsonElement shapes, string shapeName, JsonElement value, string path)
    {
        var shape = shapes.GetProperty(shapeName);
        var type = shape.GetProperty("type").GetString();
        switch (type)
        {
            case "structure":
                Assert.True(value.ValueKind == JsonValueKind.Object, $"{path} should be an object ({shapeName})");
                var members = shape.GetProperty("members");
                foreach (var property in value.EnumerateObject())
                {
                    Assert.True(members.TryGetProperty(property.Name, out var member), $"{path}.{property.Name} is not a member of {shapeName}");
                    AssertConforms(shapes, member.GetProperty("shape").GetString()!, property.Value, path + "." + property.Name);
                }

                if (shape.TryGetProperty("required", out var required))
                {
                    foreach (var name in required.EnumerateArray().Select(r => r.GetString()!))
                    {
                        Assert.True(value.TryGetProperty(name, out _), $"{path} lacks required member {name} of {shapeName}");
                    }
                }

                break;
            case "list":
                Assert.Equal(JsonValueKind.Array, value.ValueKind);
                foreach (var item in value.EnumerateArray())
                {
                    AssertConforms(shapes, shape.GetProperty("member").GetProperty("shape").GetString()!, item, path + "[]");
                }

                break;
            case "string":
                Assert.Equal(JsonValueKind.String, value.ValueKind);
                if (shape.TryGetProperty("enum", out var values))
                {
                    Assert.Contains(value.GetString(), values.EnumerateArray().Select(v => v.GetString()));
                }

                break;
            case "blob":
                Assert.Equal(JsonValueKind.String, value.ValueKind);
                Convert.FromBase64String(value.GetString()!);
                break;
            case "integer" or "long":
                Assert.Equal(JsonValueKind.Number, value.ValueKind);
                break;
            case "boolean":
                Assert.True(value.ValueKind is JsonValueKind.True or JsonValueKind.False, $"{path} should be a boolean");
                break;
            default:
                Assert.Fail($"{path}: shape type {type} is not checked by this test");
                break;
        }
    }
}
