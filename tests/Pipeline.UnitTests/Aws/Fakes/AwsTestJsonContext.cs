using System.Text.Json.Serialization;
using Pipeline.Aws.Core;

namespace Pipeline.UnitTests.Aws.Fakes;

[JsonSerializable(typeof(AwsEmptyResponse))]
internal sealed partial class AwsTestJsonContext : JsonSerializerContext;
