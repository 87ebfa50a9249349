using System.Text;
using System.Text.RegularExpressions;
using Pipeline.AwsShapes.Lambda;
using Pipeline.LocalCloud.Lambda.Functions;

namespace Pipeline.LocalCloud.Lambda.Api;

/// <summary>
/// Checks requests as Lambda does: the API model's constraints give <c>ValidationException</c>, Lambda's own rules
/// (and LocalCloud's one restriction, custom runtimes only) give <c>InvalidParameterValueException</c>.
/// </summary>
internal static partial class FunctionValidation
{
    /// <summary>The runtimes that run a <c>bootstrap</c> executable, the only kind LocalCloud runs.</summary>
    public static readonly IReadOnlyList<string> Runtimes = ["provided.al2023", "provided.al2"];

    private static readonly HashSet<string> ReservedVariables = new(StringComparer.Ordinal)
    {
        "_HANDLER", "_X_AMZN_TRACE_ID", "AWS_DEFAULT_REGION", "AWS_REGION", "AWS_EXECUTION_ENV", "AWS_LAMBDA_FUNCTION_NAME",
        "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "AWS_LAMBDA_FUNCTION_VERSION", "AWS_LAMBDA_INITIALIZATION_TYPE", "AWS_LAMBDA_LOG_GROUP_NAME",
        "AWS_LAMBDA_LOG_STREAM_NAME", "AWS_ACCESS_KEY", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN",
        "AWS_LAMBDA_RUNTIME_API", "LAMBDA_TASK_ROOT", "LAMBDA_RUNTIME_DIR",
    };

    /// <summary>The definition CreateFunction asks for (code identity is stamped by the store).</summary>
    public static FunctionDefinition ForCreate(CreateFunctionRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var name = input.FunctionName ?? throw LambdaErrors.Validation("functionName", null, "Member must not be null");
        if (!FunctionReference.TryParse(name, out var reference))
        {
            throw LambdaErrors.Validation("functionName", name, $"Member must satisfy regular expression pattern: {FunctionReference.Pattern}");
        }

        if (reference.Qualifier is not null || !FunctionReference.IsValidName(reference.Name))
        {
            throw LambdaErrors.InvalidParameter($"Function name '{name}' is not valid: use 1 to 64 letters, digits, hyphens and underscores.");
        }

        if (input.Role is null)
        {
            throw LambdaErrors.Validation("role", null, "Member must not be null");
        }

        if (input.Code is null)
        {
            throw LambdaErrors.Validation("code", null, "Member must not be null");
        }

        if (input.PackageType is not (null or "Zip"))
        {
            throw LambdaErrors.InvalidParameter($"LocalCloud runs Zip packages only, not PackageType {input.PackageType}.");
        }

        if (input.Runtime is null || input.Handler is null)
        {
            throw LambdaErrors.InvalidParameter("Runtime and Handler are mandatory parameters for functions created with deployment packages.");
        }

        return new FunctionDefinition
        {
            FunctionName = reference.Name,
            Runtime = Runtime(input.Runtime),
            Role = Role(input.Role),
            Handler = Handler(input.Handler),
            Description = Description(input.Description),
            Timeout = Timeout(input.Timeout ?? LambdaLimits.DefaultTimeoutSeconds),
            MemorySize = MemorySize(input.MemorySize ?? LambdaLimits.DefaultMemoryMb),
            Environment = Environment(input.Environment?.Variables),
            Architectures = Architectures(input.Architectures) ?? ["x86_64"],
            DeadLetterTargetArn = DeadLetterTarget(input.DeadLetterConfig),
        };
    }

    /// <summary>The definition after UpdateFunctionConfiguration; members left out keep their values.</summary>
    public static FunctionDefinition Apply(FunctionDefinition current, UpdateFunctionConfigurationRequest input)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(input);
        return current with
        {
            Runtime = input.Runtime is null ? current.Runtime : Runtime(input.Runtime),
            Role = input.Role is null ? current.Role : Role(input.Role),
            Handler = input.Handler is null ? current.Handler : Handler(input.Handler),
            Description = input.Description is null ? current.Description : Description(input.Description),
            Timeout = input.Timeout is { } timeout ? Timeout(timeout) : current.Timeout,
            MemorySize = input.MemorySize is { } memory ? MemorySize(memory) : current.MemorySize,
            Environment = input.Environment is null ? current.Environment : Environment(input.Environment.Variables),
            DeadLetterTargetArn = input.DeadLetterConfig is null ? current.DeadLetterTargetArn : DeadLetterTarget(input.DeadLetterConfig),
        };
    }

    /// <summary>
    /// <c>DeadLetterConfig.TargetArn</c>: an SQS queue or SNS topic ARN; an empty one removes the dead-letter target, as
    /// in Lambda. Whether the queue or topic exists is checked when an event is sent there, as Lambda does.
    /// </summary>
    public static string? DeadLetterTarget(DeadLetterConfig? config)
    {
        var arn = config?.TargetArn;
        if (string.IsNullOrEmpty(arn))
        {
            return null;
        }

        return arn.StartsWith("arn:aws:sqs:", StringComparison.Ordinal) || arn.StartsWith("arn:aws:sns:", StringComparison.Ordinal)
            ? arn
            : throw LambdaErrors.InvalidParameter($"The dead-letter target must be an SQS queue or an SNS topic ARN, not {arn}.");
    }

    public static string Runtime(string runtime)
    {
        if (!Runtimes.Contains(runtime, StringComparer.Ordinal))
        {
            throw LambdaErrors.InvalidParameter(
                $"The runtime parameter of {runtime} is not supported by LocalCloud, which runs custom-runtime executables only: use {string.Join(" or ", Runtimes)} with an executable named bootstrap at the root of the package.");
        }

        return runtime;
    }

    public static string Role(string role) =>
        RolePattern().IsMatch(role)
            ? role
            : throw LambdaErrors.Validation("role", role, @"Member must satisfy regular expression pattern: arn:(aws[a-zA-Z-]*)?:iam::\d{12}:role/?[a-zA-Z_0-9+=,.@\-_/]+");

    public static string Handler(string handler) =>
        handler.Length <= 128 && HandlerPattern().IsMatch(handler)
            ? handler
            : throw LambdaErrors.Validation("handler", handler, @"Member must satisfy regular expression pattern: [^\s]+");

    public static string? Description(string? description) =>
        description is null || description.Length <= LambdaLimits.MaxDescriptionLength
            ? description
            : throw LambdaErrors.Validation("description", description, "Member must have length less than or equal to 256");

    public static int Timeout(int seconds)
    {
        if (seconds < LambdaLimits.MinTimeoutSeconds)
        {
            throw LambdaErrors.Validation("timeout", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture), "Member must have value greater than or equal to 1");
        }

        return seconds <= LambdaLimits.MaxTimeoutSeconds
            ? seconds
            : throw LambdaErrors.InvalidParameter($"Timeout must be between {LambdaLimits.MinTimeoutSeconds} and {LambdaLimits.MaxTimeoutSeconds} seconds, not {seconds}.");
    }

    public static int MemorySize(int megabytes)
    {
        if (megabytes < LambdaLimits.MinMemoryMb)
        {
            throw LambdaErrors.Validation("memorySize", megabytes.ToString(System.Globalization.CultureInfo.InvariantCulture), "Member must have value greater than or equal to 128");
        }

        return megabytes <= LambdaLimits.MaxMemoryMb
            ? megabytes
            : throw LambdaErrors.InvalidParameter($"'MemorySize' value failed to satisfy constraint: Member must have value less than or equal to {LambdaLimits.MaxMemoryMb}");
    }

    public static IReadOnlyList<string>? Architectures(IReadOnlyList<string>? architectures)
    {
        if (architectures is null)
        {
            return null;
        }

        if (architectures.Count != 1 || architectures[0] is not ("x86_64" or "arm64"))
        {
            throw LambdaErrors.Validation("architectures", string.Join(",", architectures), "Member must have length less than or equal to 1 and contain x86_64 or arm64");
        }

        return [architectures[0]];
    }

    public static IReadOnlyDictionary<string, string> Environment(IReadOnlyDictionary<string, string>? variables)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (variables is null)
        {
            return result;
        }

        var size = 0;
        foreach (var (key, value) in variables)
        {
            if (!VariableNamePattern().IsMatch(key))
            {
                throw LambdaErrors.Validation("environment.variables", key, "Member must satisfy regular expression pattern: [a-zA-Z]([a-zA-Z0-9_])+");
            }

            size += Encoding.UTF8.GetByteCount(key) + Encoding.UTF8.GetByteCount(value ?? "");
            result[key] = value ?? "";
        }

        var reserved = result.Keys.Where(ReservedVariables.Contains).Order(StringComparer.Ordinal).ToArray();
        if (reserved.Length > 0)
        {
            throw LambdaErrors.InvalidParameter(
                $"Lambda was unable to configure your environment variables because the environment variables you have provided contains reserved keys that are currently not supported for modification. Reserved keys used in this request: {string.Join(", ", reserved)}");
        }

        if (size > LambdaLimits.EnvironmentBytes)
        {
            throw LambdaErrors.InvalidParameter(
                $"Lambda was unable to configure your environment variables because the environment variables you have provided exceeded the 4KB limit. Size measured: {size} bytes.");
        }

        return result;
    }

    [GeneratedRegex(@"^arn:(aws[a-zA-Z-]*)?:iam::\d{12}:role/?[a-zA-Z_0-9+=,.@\-_/]+$")]
    private static partial Regex RolePattern();

    [GeneratedRegex(@"^[^\s]+$")]
    private static partial Regex HandlerPattern();

    [GeneratedRegex(@"^[a-zA-Z]([a-zA-Z0-9_])+$")]
    private static partial Regex VariableNamePattern();
}
