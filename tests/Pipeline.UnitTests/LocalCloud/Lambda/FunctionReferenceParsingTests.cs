using Pipeline.LocalCloud.Hosting;
using Pipeline.LocalCloud.Lambda;

namespace Pipeline.UnitTests.LocalCloud.LambdaService;

/// <summary>A function is named the four ways Lambda accepts, and anything else is Lambda's ValidationException.</summary>
public sealed class FunctionReferenceParsingTests
{
    [Theory]
    [InlineData("my-function", "my-function", null, null, null)]
    [InlineData("my_function-2", "my_function-2", null, null, null)]
    [InlineData("my-function:$LATEST", "my-function", "$LATEST", null, null)]
    [InlineData("my-function:prod", "my-function", "prod", null, null)]
    [InlineData("123456789012:function:my-function", "my-function", null, null, "123456789012")]
    [InlineData("123456789012:function:my-function:$LATEST", "my-function", "$LATEST", null, "123456789012")]
    [InlineData("us-east-1:123456789012:function:my-function", "my-function", null, "us-east-1", "123456789012")]
    [InlineData("function:my-function", "my-function", null, null, null)]
    [InlineData("arn:aws:lambda:us-west-2:123456789012:function:my-function", "my-function", null, "us-west-2", "123456789012")]
    [InlineData("arn:aws:lambda:eu-central-1:000000000000:function:pipeline-local-firehose-transformer:$LATEST", "pipeline-local-firehose-transformer", "$LATEST", "eu-central-1", "000000000000")]
    [InlineData("arn:aws-us-gov:lambda:us-gov-west-1:123456789012:function:f", "f", null, "us-gov-west-1", "123456789012")]
    public void Accepted_forms_yield_name_qualifier_region_and_account(string value, string name, string? qualifier, string? region, string? account)
    {
        var reference = FunctionReference.Parse(value);

        Assert.Equal(new FunctionReference(name, qualifier, region, account), reference);
    }

    [Theory]
    [InlineData("")]
    [InlineData("my function")]
    [InlineData("my/function")]
    [InlineData("arn:aws:s3:us-east-1:123456789012:function:f")]
    [InlineData("arn:aws:lambda:us-east-1:123456789012:layer:f")]
    [InlineData("arn:aws:lambda:us-east-1:12345:function:f")]
    [InlineData("arn:aws:lambda:us-east-1:123456789012:function:f:1:2")]
    [InlineData("a:b:c")]
    [InlineData("f:has space")]
    [InlineData("01234567890123456789012345678901234567890123456789012345678901234567890")]
    public void Anything_else_is_a_validation_error_quoting_the_pattern(string value)
    {
        var error = Assert.Throws<AwsServiceException>(() => FunctionReference.Parse(value));

        Assert.Equal("ValidationException", error.Code);
        Assert.Equal(400, error.StatusCode);
        Assert.Contains("functionName", error.Message, StringComparison.Ordinal);
        Assert.Contains("Member must satisfy regular expression pattern", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_arn_of_a_function_has_lambdas_shape()
    {
        Assert.Equal("arn:aws:lambda:us-east-1:000000000000:function:f", FunctionReference.Arn("us-east-1", "000000000000", "f"));
    }
}
