using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;
using Pipeline.AwsShapes.Lambda;
using Pipeline.LocalCloud.Hosting;
using Pipeline.LocalCloud.Lambda.Execution;
using Pipeline.LocalCloud.Lambda.Functions;
using Pipeline.LocalCloud.Protocols;
using Pipeline.LocalCloud.Storage;

namespace Pipeline.LocalCloud.Lambda.Api;

/// <summary>
/// The Lambda API (restJson1, 2015-03-31): CreateFunction, GetFunction, GetFunctionConfiguration, ListFunctions,
/// DeleteFunction, UpdateFunctionCode, UpdateFunctionConfiguration, Invoke, and Put/Get/DeleteFunctionConcurrency.
/// Anything else is <c>UnknownOperationException</c>.
/// </summary>
internal sealed class LambdaEndpoint : IAwsServiceEndpoint
{
    internal const int SmallBodyBytes = 1024 * 1024;

    private readonly FunctionHost _host;
    private readonly TimeProvider _time;
    private readonly IObjectStore? _objects;
    private readonly RestRoutes _routes = new(request => LambdaErrors.UnknownOperation(request.Method, request.Path.Value ?? ""));

    public LambdaEndpoint(FunctionHost host, EventSourceMappingApi mappings, TimeProvider time, IObjectStore? objects = null)
    {
        _host = host;
        _time = time;
        _objects = objects;
        mappings.AddRoutes(_routes);
        _routes
            .Add("POST", "/2015-03-31/functions", (c, _) => CreateFunctionAsync(c))
            .Add("GET", "/2015-03-31/functions", (c, _) => ListFunctionsAsync(c))
            .Add("GET", "/2015-03-31/functions/{FunctionName}", (c, l) => GetFunctionAsync(c, l[0]))
            .Add("DELETE", "/2015-03-31/functions/{FunctionName}", (c, l) => DeleteFunctionAsync(c, l[0]))
            .Add("POST", "/2015-03-31/functions/{FunctionName}/invocations", (c, l) => InvokeAsync(c, l[0]))
            .Add("GET", "/2015-03-31/functions/{FunctionName}/configuration", (c, l) => GetFunctionConfigurationAsync(c, l[0]))
            .Add("PUT", "/2015-03-31/functions/{FunctionName}/configuration", (c, l) => UpdateFunctionConfigurationAsync(c, l[0]))
            .Add("PUT", "/2015-03-31/functions/{FunctionName}/code", (c, l) => UpdateFunctionCodeAsync(c, l[0]))
            .Add("GET", "/2015-03-31/functions/{FunctionName}/code.zip", (c, l) => DownloadCodeAsync(c, l[0]))
            .Add("PUT", "/2017-10-31/functions/{FunctionName}/concurrency", (c, l) => PutFunctionConcurrencyAsync(c, l[0]))
            .Add("DELETE", "/2017-10-31/functions/{FunctionName}/concurrency", (c, l) => DeleteFunctionConcurrencyAsync(c, l[0]))
            .Add("GET", "/2019-09-30/functions/{FunctionName}/concurrency", (c, l) => GetFunctionConcurrencyAsync(c, l[0]));
    }

    /// <summary>
    /// The generated shapes' JSON as AWS writes it: '+' in a base64 CodeSha256 stays '+' rather than <c>\u002B</c>.
    /// Safe because these bodies are only ever read as JSON, never embedded in HTML.
    /// </summary>
    internal static LambdaJsonContext Json { get; } = new(new JsonSerializerOptions
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    private FunctionStore Store => _host.Store;

    public string SigningName => "lambda";

    public AwsProtocol Protocol => AwsProtocol.RestJson;

    public Task HandleAsync(HttpContext context) => _routes.DispatchAsync(context);

    /// <summary>FunctionConfiguration as Lambda writes it.</summary>
    internal static FunctionConfiguration ToOutput(FunctionDefinition definition, string arn) => new()
    {
        FunctionName = definition.FunctionName,
        FunctionArn = arn,
        Runtime = definition.Runtime,
        Role = definition.Role,
        Handler = definition.Handler,
        CodeSize = definition.CodeSize,
        Description = definition.Description ?? "",
        Timeout = definition.Timeout,
        MemorySize = definition.MemorySize,
        LastModified = definition.LastModified.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'+0000'", CultureInfo.InvariantCulture),
        CodeSha256 = definition.CodeSha256,
        Version = "$LATEST",
        Environment = definition.Environment.Count == 0 ? null : new EnvironmentResponse { Variables = definition.Environment },
        DeadLetterConfig = definition.DeadLetterTargetArn is { } deadLetter ? new DeadLetterConfig { TargetArn = deadLetter } : null,
        RevisionId = definition.RevisionId,
        State = StateValues.Active,
        LastUpdateStatus = LastUpdateStatusValues.Successful,
        PackageType = PackageTypeValues.Zip,
        Architectures = definition.Architectures,
    };

    private FunctionConfiguration Output(FunctionDefinition definition) => ToOutput(definition, Store.ArnOf(definition.FunctionName));

    private async Task CreateFunctionAsync(HttpContext context)
    {
        var input = await ReadJsonAsync(context, Json.CreateFunctionRequest, LambdaLimits.DeploymentRequestBytes, "CreateFunction").ConfigureAwait(false);
        var definition = FunctionValidation.ForCreate(input);
        if (Store.Find(definition.FunctionName) is not null)
        {
            throw LambdaErrors.FunctionExists(definition.FunctionName);
        }

        var package = await PackageAsync(input.Code!.ZipFile, input.Code.S3Bucket, input.Code.S3Key, input.Code.ImageUri, context.RequestAborted).ConfigureAwait(false);
        var created = await Store.CreateAsync(definition, package, context.RequestAborted).ConfigureAwait(false);
        await WriteJsonAsync(context, StatusCodes.Status201Created, Output(created), Json.FunctionConfiguration).ConfigureAwait(false);
    }

    private async Task ListFunctionsAsync(HttpContext context)
    {
        var all = Store.List();
        var (page, next) = Page(context.Request.Query, all, LambdaLimits.DefaultListItems, f => f.FunctionName, after => all.TakeWhile(f => string.CompareOrdinal(f.FunctionName, after) <= 0).Count());
        var output = new ListFunctionsResponse { Functions = [.. page.Select(Output)], NextMarker = next };
        await WriteJsonAsync(context, StatusCodes.Status200OK, output, Json.ListFunctionsResponse).ConfigureAwait(false);
    }

    private async Task GetFunctionAsync(HttpContext context, string name)
    {
        var definition = Resolve(context, name);
        var request = context.Request;
        var location = $"{request.Scheme}://{request.Host}/2015-03-31/functions/{Uri.EscapeDataString(definition.FunctionName)}/code.zip";
        var output = new GetFunctionResponse
        {
            Configuration = Output(definition),
            Code = new FunctionCodeLocation { RepositoryType = "S3", Location = location },
            Concurrency = definition.ReservedConcurrentExecutions is { } reserved ? new Concurrency { ReservedConcurrentExecutions = reserved } : null,
        };
        await WriteJsonAsync(context, StatusCodes.Status200OK, output, Json.GetFunctionResponse).ConfigureAwait(false);
    }

    private async Task GetFunctionConfigurationAsync(HttpContext context, string name)
    {
        var definition = Resolve(context, name);
        await WriteJsonAsync(context, StatusCodes.Status200OK, Output(definition), Json.FunctionConfiguration).ConfigureAwait(false);
    }

    private async Task DeleteFunctionAsync(HttpContext context, string name)
    {
        if (context.Request.Query["Qualifier"].ToString() == "$LATEST")
        {
            throw LambdaErrors.InvalidParameter("$LATEST version cannot be deleted without deleting the function.");
        }

        var definition = Resolve(context, name);
        await Store.DeleteAsync(definition.FunctionName, context.RequestAborted).ConfigureAwait(false);
        await _host.FunctionChangedAsync(definition.FunctionName).ConfigureAwait(false);
        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    private async Task InvokeAsync(HttpContext context, string name)
    {
        var request = context.Request;
        var definition = Resolve(context, name);
        var type = request.Headers["X-Amz-Invocation-Type"].ToString() is { Length: > 0 } header ? header : InvocationTypeValues.RequestResponse;
        if (!InvocationTypeValues.All.Contains(type))
        {
            throw LambdaErrors.Validation("invocationType", type, "Member must satisfy enum value set: [Event, RequestResponse, DryRun]");
        }

        var (limit, operation) = type == InvocationTypeValues.Event
            ? (LambdaLimits.EventRequestBytes, "InvokeAsync")
            : (LambdaLimits.SyncRequestBytes, "InvokeFunction");
        var payload = await RequestBody.ReadAsync(context, limit, _ => LambdaErrors.RequestTooLarge(limit, operation)).ConfigureAwait(false);
        if (payload.Length == 0)
        {
            // The CLI and SDKs send no body when no payload is given; Lambda hands the function an empty object.
            payload = "{}"u8.ToArray();
        }
        else if (FunctionErrors.JsonProblem(payload) is { } problem)
        {
            throw LambdaErrors.InvalidRequestContent($"Could not parse request body into json: Could not parse payload into json: {problem}");
        }

        var response = context.Response;
        response.Headers["X-Amz-Executed-Version"] = "$LATEST";
        switch (type)
        {
            case InvocationTypeValues.DryRun:
                response.StatusCode = StatusCodes.Status204NoContent;
                return;
            case InvocationTypeValues.Event:
                var eventId = Guid.NewGuid().ToString();
                _host.Enqueue(new EventInvocation(definition.FunctionName, eventId, payload, TraceHeaders.For(request.Headers["X-Amzn-Trace-Id"].ToString(), _time)));
                response.Headers["x-amzn-RequestId"] = eventId;
                response.StatusCode = StatusCodes.Status202Accepted;
                return;
        }

        var requestId = Guid.NewGuid().ToString();
        var result = await _host.InvokeAsync(
            definition,
            requestId,
            payload,
            TraceHeaders.For(request.Headers["X-Amzn-Trace-Id"].ToString(), _time),
            context.RequestAborted).ConfigureAwait(false);
        response.StatusCode = StatusCodes.Status200OK;
        response.Headers["x-amzn-RequestId"] = requestId;
        response.ContentType = "application/json";
        if (result.FunctionError is { } error)
        {
            response.Headers["X-Amz-Function-Error"] = error;
        }

        response.ContentLength = result.Payload.Length;
        await response.Body.WriteAsync(result.Payload, context.RequestAborted).ConfigureAwait(false);
    }

    private async Task UpdateFunctionConfigurationAsync(HttpContext context, string name)
    {
        var definition = Resolve(context, name);
        var input = await ReadJsonAsync(context, Json.UpdateFunctionConfigurationRequest, SmallBodyBytes, "UpdateFunctionConfiguration").ConfigureAwait(false);
        var updated = await Store.UpdateConfigurationAsync(
            definition.FunctionName,
            current =>
            {
                CheckRevision(current, input.RevisionId);
                return FunctionValidation.Apply(current, input);
            },
            context.RequestAborted).ConfigureAwait(false);
        await _host.FunctionChangedAsync(updated.FunctionName).ConfigureAwait(false);
        await WriteJsonAsync(context, StatusCodes.Status200OK, Output(updated), Json.FunctionConfiguration).ConfigureAwait(false);
    }

    private async Task UpdateFunctionCodeAsync(HttpContext context, string name)
    {
        var definition = Resolve(context, name);
        var input = await ReadJsonAsync(context, Json.UpdateFunctionCodeRequest, LambdaLimits.DeploymentRequestBytes, "UpdateFunctionCode").ConfigureAwait(false);
        CheckRevision(definition, input.RevisionId);
        var architectures = FunctionValidation.Architectures(input.Architectures);
        var package = await PackageAsync(input.ZipFile, input.S3Bucket, input.S3Key, input.ImageUri, context.RequestAborted).ConfigureAwait(false);
        FunctionDefinition updated;
        if (input.DryRun == true)
        {
            // Checked as if applied (the package must unpack and hold a bootstrap), and then thrown away.
            var scratch = Directory.CreateTempSubdirectory("localcloud-lambda-dryrun-").FullName;
            try
            {
                CodePackage.Extract(package, scratch);
            }
            finally
            {
                Directory.Delete(scratch, recursive: true);
            }

            updated = definition with { CodeSize = package.Length, CodeSha256 = CodePackage.Sha256(package), Architectures = architectures ?? definition.Architectures };
        }
        else
        {
            updated = await Store.UpdateCodeAsync(definition.FunctionName, package, architectures, context.RequestAborted).ConfigureAwait(false);
            await _host.FunctionChangedAsync(updated.FunctionName).ConfigureAwait(false);
        }

        await WriteJsonAsync(context, StatusCodes.Status200OK, Output(updated), Json.FunctionConfiguration).ConfigureAwait(false);
    }

    private async Task DownloadCodeAsync(HttpContext context, string name)
    {
        var definition = Resolve(context, name);
        var path = Store.PackagePath(definition.FunctionName);
        if (!File.Exists(path))
        {
            throw LambdaErrors.FunctionNotFound(Store.ArnOf(definition.FunctionName));
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/zip";
        await context.Response.SendFileAsync(path, context.RequestAborted).ConfigureAwait(false);
    }

    private async Task PutFunctionConcurrencyAsync(HttpContext context, string name)
    {
        var definition = Resolve(context, name);
        var input = await ReadJsonAsync(context, Json.PutFunctionConcurrencyRequest, SmallBodyBytes, "PutFunctionConcurrency").ConfigureAwait(false);
        var reserved = input.ReservedConcurrentExecutions ?? throw LambdaErrors.Validation("reservedConcurrentExecutions", null, "Member must not be null");
        if (reserved < 0)
        {
            throw LambdaErrors.Validation("reservedConcurrentExecutions", reserved.ToString(CultureInfo.InvariantCulture), "Member must have value greater than or equal to 0");
        }

        if (reserved > 900)
        {
            // Lambda's default account limit is 1,000, of which 100 must stay unreserved.
            throw LambdaErrors.InvalidParameter("Specified ReservedConcurrentExecutions for function decreases account's UnreservedConcurrentExecution below its minimum value of [100].");
        }

        var updated = await Store.UpdateConfigurationAsync(definition.FunctionName, current => current with { ReservedConcurrentExecutions = reserved }, context.RequestAborted).ConfigureAwait(false);
        await _host.FunctionChangedAsync(updated.FunctionName).ConfigureAwait(false);
        await WriteJsonAsync(context, StatusCodes.Status200OK, new Concurrency { ReservedConcurrentExecutions = reserved }, Json.Concurrency).ConfigureAwait(false);
    }

    private async Task GetFunctionConcurrencyAsync(HttpContext context, string name)
    {
        var definition = Resolve(context, name);
        var output = new GetFunctionConcurrencyResponse { ReservedConcurrentExecutions = definition.ReservedConcurrentExecutions };
        await WriteJsonAsync(context, StatusCodes.Status200OK, output, Json.GetFunctionConcurrencyResponse).ConfigureAwait(false);
    }

    private async Task DeleteFunctionConcurrencyAsync(HttpContext context, string name)
    {
        var definition = Resolve(context, name);
        await Store.UpdateConfigurationAsync(definition.FunctionName, current => current with { ReservedConcurrentExecutions = null }, context.RequestAborted).ConfigureAwait(false);
        await _host.FunctionChangedAsync(definition.FunctionName).ConfigureAwait(false);
        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    private FunctionDefinition Resolve(HttpContext context, string name)
    {
        var qualifier = context.Request.Query["Qualifier"].ToString();
        return _host.Resolve(FunctionReference.Parse(name), qualifier.Length == 0 ? null : qualifier);
    }

    private static void CheckRevision(FunctionDefinition current, string? revisionId)
    {
        if (revisionId is not null && revisionId != current.RevisionId)
        {
            throw new AwsServiceException(
                "PreconditionFailedException",
                "The Revision Id provided does not match the latest Revision Id. Call the GetFunction/GetAlias API to retrieve the latest Revision Id",
                StatusCodes.Status412PreconditionFailed);
        }
    }

    /// <summary>The package from the request, or from the object store for <c>S3Bucket</c>/<c>S3Key</c>.</summary>
    private async Task<byte[]> PackageAsync(byte[]? zipFile, string? bucket, string? key, string? imageUri, CancellationToken cancellationToken)
    {
        if (imageUri is not null)
        {
            throw LambdaErrors.InvalidParameter("LocalCloud runs Zip packages only; container images (ImageUri) are not supported.");
        }

        if (zipFile is not null)
        {
            return zipFile;
        }

        if (bucket is null || key is null)
        {
            throw LambdaErrors.InvalidParameter("Please provide a source for function code: ZipFile, or S3Bucket and S3Key.");
        }

        var store = _objects
            ?? throw LambdaErrors.InvalidParameter("LocalCloud has no S3 object store running; upload the package as ZipFile instead.");
        if (!await store.BucketExistsAsync(bucket, cancellationToken).ConfigureAwait(false))
        {
            throw LambdaErrors.InvalidParameter("Error occurred while GetObject. S3 Error Code: NoSuchBucket. S3 Error Message: The specified bucket does not exist");
        }

        var content = await store.OpenReadAsync(bucket, key, cancellationToken).ConfigureAwait(false)
            ?? throw LambdaErrors.InvalidParameter("Error occurred while GetObject. S3 Error Code: NoSuchKey. S3 Error Message: The specified key does not exist.");
        await using (content.ConfigureAwait(false))
        {
            using var buffer = new MemoryStream();
            await content.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
            if (buffer.Length > LambdaLimits.UnzippedCodeBytes)
            {
                throw LambdaErrors.InvalidParameter($"Unzipped size must be smaller than {LambdaLimits.UnzippedCodeBytes} bytes");
            }

            return buffer.ToArray();
        }
    }

    internal static async Task<T> ReadJsonAsync<T>(HttpContext context, JsonTypeInfo<T> typeInfo, int limit, string operation)
        where T : new()
    {
        var body = await RequestBody.ReadAsync(context, limit, _ => LambdaErrors.RequestTooLarge(limit, operation)).ConfigureAwait(false);
        if (body.Length == 0)
        {
            return new T();
        }

        try
        {
            return JsonSerializer.Deserialize(body, typeInfo) ?? new T();
        }
        catch (JsonException e)
        {
            throw LambdaErrors.InvalidRequestContent($"Could not parse request body into json: {e.Message}");
        }
    }

    internal static async Task WriteJsonAsync<T>(HttpContext context, int status, T value, JsonTypeInfo<T> typeInfo)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(value, typeInfo);
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>
    /// One page of a List operation: at most <c>MaxItems</c> (1–10,000) after <c>Marker</c>, the base64 key of the
    /// previous page's last item, which <paramref name="startAfter"/> turns into the index to start at.
    /// </summary>
    internal static (T[] Items, string? NextMarker) Page<T>(IQueryCollection query, IReadOnlyList<T> all, int defaultItems, Func<T, string> key, Func<string, int> startAfter)
    {
        var maxItems = defaultItems;
        if (query["MaxItems"].ToString() is { Length: > 0 } text
            && (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out maxItems) || maxItems is < 1 or > LambdaLimits.MaxListItems))
        {
            throw LambdaErrors.Validation("maxItems", text, "Member must have value between 1 and 10000");
        }

        var start = 0;
        if (query["Marker"].ToString() is { Length: > 0 } marker)
        {
            try
            {
                start = startAfter(Encoding.UTF8.GetString(Convert.FromBase64String(marker)));
            }
            catch (FormatException)
            {
                throw LambdaErrors.InvalidParameter($"Invalid marker: {marker}");
            }
        }

        var page = all.Skip(start).Take(maxItems).ToArray();
        var next = start + page.Length < all.Count ? Convert.ToBase64String(Encoding.UTF8.GetBytes(key(page[^1]))) : null;
        return (page, next);
    }
}
