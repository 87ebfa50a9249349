using Pipeline.AwsShapes.Lambda;
using Pipeline.LocalCloud.Hosting;
using Pipeline.LocalCloud.Lambda.Api;

namespace Pipeline.UnitTests.LocalCloud.LambdaService;

/// <summary>CreateFunction is checked as Lambda checks it, with Lambda's error codes, and LocalCloud's one rule: custom runtimes only.</summary>
public sealed class CreateFunctionValidationTests
{
    private static CreateFunctionRequest Valid() => new()
    {
        FunctionName = "f",
        Runtime = "provided.al2023",
        Role = "arn:aws:iam::000000000000:role/x",
        Handler = "bootstrap",
        Code = new FunctionCode { ZipFile = [1] },
    };

    [Fact]
    public void Defaults_are_lambdas()
    {
        var definition = FunctionValidation.ForCreate(Valid());

        Assert.Equal(3, definition.Timeout);
        Assert.Equal(128, definition.MemorySize);
        Assert.Equal(["x86_64"], definition.Architectures);
        Assert.Empty(definition.Environment);
    }

    [Theory]
    [InlineData("provided.al2023")]
    [InlineData("provided.al2")]
    public void Custom_runtimes_are_accepted(string runtime)
    {
        var input = Valid() with { Runtime = runtime };

        Assert.Equal(runtime, FunctionValidation.ForCreate(input).Runtime);
    }

    [Theory]
    [InlineData("python3.12")]
    [InlineData("dotnet8")]
    [InlineData("provided")]
    public void Other_runtimes_are_refused_with_the_reason(string runtime)
    {
        var input = Valid() with { Runtime = runtime };

        var error = Assert.Throws<AwsServiceException>(() => FunctionValidation.ForCreate(input));

        Assert.Equal("InvalidParameterValueException", error.Code);
        Assert.Contains("custom-runtime executables only", error.Message, StringComparison.Ordinal);
        Assert.Contains(runtime, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, "ValidationException")]
    [InlineData(901, "InvalidParameterValueException")]
    public void Timeout_outside_1_to_900_is_refused(int timeout, string code)
    {
        var input = Valid() with { Timeout = timeout };

        Assert.Equal(code, Assert.Throws<AwsServiceException>(() => FunctionValidation.ForCreate(input)).Code);
    }

    [Theory]
    [InlineData(127, "ValidationException")]
    [InlineData(10241, "InvalidParameterValueException")]
    public void Memory_outside_128_to_10240_is_refused(int memory, string code)
    {
        var input = Valid() with { MemorySize = memory };

        Assert.Equal(code, Assert.Throws<AwsServiceException>(() => FunctionValidation.ForCreate(input)).Code);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(900)]
    public void Timeout_bounds_are_inclusive(int timeout)
    {
        var input = Valid() with { Timeout = timeout };

        Assert.Equal(timeout, FunctionValidation.ForCreate(input).Timeout);
    }

    [Theory]
    [InlineData("not-an-arn")]
    [InlineData("arn:aws:iam::123:role/x")]
    [InlineData("arn:aws:s3:::bucket")]
    public void A_role_must_look_like_an_iam_role_arn(string role)
    {
        var input = Valid() with { Role = role };

        var error = Assert.Throws<AwsServiceException>(() => FunctionValidation.ForCreate(input));

        Assert.Equal("ValidationException", error.Code);
        Assert.Contains("'role'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_role_is_a_validation_error()
    {
        var input = Valid() with { Role = null };

        Assert.Equal("ValidationException", Assert.Throws<AwsServiceException>(() => FunctionValidation.ForCreate(input)).Code);
    }

    [Fact]
    public void Runtime_and_handler_are_mandatory_for_zip_packages()
    {
        var input = Valid() with { Handler = null };

        var error = Assert.Throws<AwsServiceException>(() => FunctionValidation.ForCreate(input));

        Assert.Equal("InvalidParameterValueException", error.Code);
        Assert.Equal("Runtime and Handler are mandatory parameters for functions created with deployment packages.", error.Message);
    }

    [Theory]
    [InlineData("f:1")]
    [InlineData("bad name")]
    [InlineData("f.g")]
    public void A_name_with_a_qualifier_or_bad_characters_is_refused(string name)
    {
        var input = Valid() with { FunctionName = name };

        Assert.Throws<AwsServiceException>(() => FunctionValidation.ForCreate(input));
    }

    [Fact]
    public void A_full_arn_names_the_function()
    {
        var input = Valid() with { FunctionName = "arn:aws:lambda:us-east-1:000000000000:function:named-by-arn" };

        Assert.Equal("named-by-arn", FunctionValidation.ForCreate(input).FunctionName);
    }

    [Fact]
    public void Reserved_environment_variables_are_refused_and_named()
    {
        var input = Valid() with { Environment = new FunctionEnvironment { Variables = new Dictionary<string, string> { ["AWS_REGION"] = "x", ["FINE"] = "y" } } };

        var error = Assert.Throws<AwsServiceException>(() => FunctionValidation.ForCreate(input));

        Assert.Equal("InvalidParameterValueException", error.Code);
        Assert.EndsWith("Reserved keys used in this request: AWS_REGION", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Environment_over_4_KB_is_refused()
    {
        var input = Valid() with { Environment = new FunctionEnvironment { Variables = new Dictionary<string, string> { ["BIG"] = new string('x', 4096) } } };

        var error = Assert.Throws<AwsServiceException>(() => FunctionValidation.ForCreate(input));

        Assert.Contains("4KB", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Variable_names_follow_the_model_pattern()
    {
        var input = Valid() with { Environment = new FunctionEnvironment { Variables = new Dictionary<string, string> { ["1BAD"] = "x" } } };

        Assert.Equal("ValidationException", Assert.Throws<AwsServiceException>(() => FunctionValidation.ForCreate(input)).Code);
    }

    [Fact]
    public void Only_one_known_architecture_is_accepted()
    {
        var input = Valid() with { Architectures = ["x86_64", "arm64"] };

        Assert.Equal("ValidationException", Assert.Throws<AwsServiceException>(() => FunctionValidation.ForCreate(input)).Code);
    }

    [Fact]
    public void Image_packages_are_refused()
    {
        var input = Valid() with { PackageType = "Image" };

        Assert.Equal("InvalidParameterValueException", Assert.Throws<AwsServiceException>(() => FunctionValidation.ForCreate(input)).Code);
    }
}
