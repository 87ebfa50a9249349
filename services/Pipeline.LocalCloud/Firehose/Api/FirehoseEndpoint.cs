using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;
using Pipeline.AwsShapes.Firehose;
using Pipeline.LocalCloud.Firehose.Configuration;
using Pipeline.LocalCloud.Hosting;
using Pipeline.LocalCloud.Protocols;

namespace Pipeline.LocalCloud.Firehose.Api;

/// <summary>
/// Firehose over its JSON 1.1 protocol: <c>POST /</c> with <c>X-Amz-Target: Firehose_20150804.&lt;Operation&gt;</c>.
/// Requests are checked as AWS checks them: the model's constraints first (ValidationException), then the
/// service's rules; a body that is not the operation's JSON is a SerializationException.
/// </summary>
internal sealed class FirehoseEndpoint(FirehoseService service, FirehoseEngineOptions options) : IAwsServiceEndpoint
{
    public const string TargetPrefix = "Firehose_20150804";

    private const string ContentType = "application/x-amz-json-1.1";

    private static readonly string[] StreamTypes = ["DirectPut", "KinesisStreamAsSource", "MSKAsSource", "DatabaseAsSource"];

    private static FirehoseJsonContext Json => FirehoseJsonContext.Default;

    public string SigningName => "firehose";

    public AwsProtocol Protocol => AwsProtocol.Json;

    public async Task HandleAsync(HttpContext context)
    {
        var target = context.Request.Headers["X-Amz-Target"].ToString();
        var dot = target.IndexOf('.', StringComparison.Ordinal);
        if (!HttpMethods.IsPost(context.Request.Method) || dot < 0 || target[..dot] != TargetPrefix)
        {
            throw FirehoseErrors.UnknownOperation(target.Length > 0 ? target : $"{context.Request.Method} {context.Request.Path}");
        }

        var operation = target[(dot + 1)..];
        var cancellationToken = context.RequestAborted;
        switch (operation)
        {
            case "CreateDeliveryStream":
            {
                var input = await ReadAsync(context, Json.CreateDeliveryStreamInput).ConfigureAwait(false);
                var arn = await service.CreateAsync(input, cancellationToken).ConfigureAwait(false);
                await WriteAsync(context, new CreateDeliveryStreamOutput { DeliveryStreamARN = arn }, Json.CreateDeliveryStreamOutput).ConfigureAwait(false);
                break;
            }

            case "DescribeDeliveryStream":
            {
                var input = await ReadAsync(context, Json.DescribeDeliveryStreamInput).ConfigureAwait(false);
                var errors = new ValidationErrors();
                DeliveryStreamSettingsFactory.ValidateName(input.DeliveryStreamName, errors);
                errors.Range(input.Limit, "limit", 1, 10_000);
                errors.ThrowIfAny();
                var description = DescriptionBuilder.Describe(service.Get(input.DeliveryStreamName!));
                await WriteAsync(context, new DescribeDeliveryStreamOutput { DeliveryStreamDescription = description }, Json.DescribeDeliveryStreamOutput).ConfigureAwait(false);
                break;
            }

            case "ListDeliveryStreams":
            {
                var input = await ReadAsync(context, Json.ListDeliveryStreamsInput).ConfigureAwait(false);
                var errors = new ValidationErrors();
                errors.Range(input.Limit, "limit", 1, 10_000);
                errors.OneOf(input.DeliveryStreamType, "deliveryStreamType", StreamTypes);
                if (input.ExclusiveStartDeliveryStreamName is not null)
                {
                    DeliveryStreamSettingsFactory.ValidateName(input.ExclusiveStartDeliveryStreamName, errors, "exclusiveStartDeliveryStreamName");
                }

                errors.ThrowIfAny();

                // Every LocalCloud stream is DirectPut.
                var (names, hasMore) = input.DeliveryStreamType is null or DeliveryStreamSettingsFactory.DirectPut
                    ? service.List(input.Limit ?? 10, input.ExclusiveStartDeliveryStreamName)
                    : ([], false);
                await WriteAsync(context, new ListDeliveryStreamsOutput { DeliveryStreamNames = names, HasMoreDeliveryStreams = hasMore }, Json.ListDeliveryStreamsOutput).ConfigureAwait(false);
                break;
            }

            case "DeleteDeliveryStream":
            {
                var input = await ReadAsync(context, Json.DeleteDeliveryStreamInput).ConfigureAwait(false);
                var errors = new ValidationErrors();
                DeliveryStreamSettingsFactory.ValidateName(input.DeliveryStreamName, errors);
                errors.ThrowIfAny();
                await service.DeleteAsync(input.DeliveryStreamName!, input.AllowForceDelete == true, cancellationToken).ConfigureAwait(false);
                await WriteAsync(context, new DeleteDeliveryStreamOutput(), Json.DeleteDeliveryStreamOutput).ConfigureAwait(false);
                break;
            }

            case "PutRecord":
            {
                var input = await ReadAsync(context, Json.PutRecordInput).ConfigureAwait(false);
                var errors = new ValidationErrors();
                DeliveryStreamSettingsFactory.ValidateName(input.DeliveryStreamName, errors);
                errors.Required(input.Record, "record");
                errors.Required(input.Record is null ? string.Empty : input.Record.Data, "record.data");
                if (input.Record?.Data is { } data)
                {
                    errors.CheckLength(ValidationErrors.Blob(data.Length), data.Length, "record.data", 0, FirehoseLimits.MaxRecordBytes);
                }

                errors.ThrowIfAny();
                var ids = await service.PutAsync(input.DeliveryStreamName!, [input.Record!.Data!], cancellationToken).ConfigureAwait(false);
                await WriteAsync(context, new PutRecordOutput { RecordId = ids[0], Encrypted = false }, Json.PutRecordOutput).ConfigureAwait(false);
                break;
            }

            case "PutRecordBatch":
            {
                var input = await ReadAsync(context, Json.PutRecordBatchInput).ConfigureAwait(false);
                var records = ValidateBatch(input);
                var ids = await service.PutAsync(input.DeliveryStreamName!, records, cancellationToken).ConfigureAwait(false);
                var entries = ids.Select(id => new PutRecordBatchResponseEntry { RecordId = id }).ToArray();
                await WriteAsync(context, new PutRecordBatchOutput { FailedPutCount = 0, Encrypted = false, RequestResponses = entries }, Json.PutRecordBatchOutput).ConfigureAwait(false);
                break;
            }

            default:
                throw FirehoseErrors.UnknownOperation(operation);
        }
    }

    /// <summary>
    /// The model's limits (500 records, 1,024,000 bytes of data per record) answer ValidationException listing every
    /// violation; within them, more than 4 MiB of data in the request is the service's InvalidArgumentException.
    /// </summary>
    private static byte[][] ValidateBatch(PutRecordBatchInput input)
    {
        var errors = new ValidationErrors();
        DeliveryStreamSettingsFactory.ValidateName(input.DeliveryStreamName, errors);
        errors.Required(input.Records, "records");
        var records = input.Records ?? [];
        if (input.Records is not null)
        {
            errors.CheckLength(RenderList(records), records.Count, "records", 1, FirehoseLimits.MaxRecordsPerBatch);
        }

        for (var i = 0; i < records.Count; i++)
        {
            var path = $"records.{i + 1}.member";
            errors.Required(records[i], path);
            if (records[i] is { } record)
            {
                errors.Required(record.Data, path + ".data");
                if (record.Data is { } data)
                {
                    errors.CheckLength(ValidationErrors.Blob(data.Length), data.Length, path + ".data", 0, FirehoseLimits.MaxRecordBytes);
                }
            }
        }

        errors.ThrowIfAny();
        if (records.Sum(r => (long)r!.Data!.Length) > FirehoseLimits.MaxBatchBytes)
        {
            throw FirehoseErrors.InvalidArgument("Records size exceeds 4 MB limit");
        }

        return records.Select(r => r!.Data!).ToArray();
    }

    // The list as AWS's Java front end prints it, shortened: the full text of 501 records helps no one.
    private static string RenderList(IReadOnlyList<RecordEntry?> records) =>
        "[" + string.Join(", ", records.Take(3).Select(r => r?.Data is { } data ? $"Record(Data={ValidationErrors.Blob(data.Length)})" : "null"))
        + (records.Count > 3 ? $", ... ({records.Count} records)]" : "]");

    private async Task<T> ReadAsync<T>(HttpContext context, JsonTypeInfo<T> type)
    {
        var request = context.Request;
        if (request.ContentLength > options.MaxRequestBytes)
        {
            throw new AwsServiceException("RequestEntityTooLarge", $"The request body is larger than LocalCloud's {options.MaxRequestBytes} bytes.", StatusCodes.Status413RequestEntityTooLarge);
        }

        using var body = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, context.RequestAborted).ConfigureAwait(false)) > 0)
        {
            if (body.Length + read > options.MaxRequestBytes)
            {
                throw new AwsServiceException("RequestEntityTooLarge", $"The request body is larger than LocalCloud's {options.MaxRequestBytes} bytes.", StatusCodes.Status413RequestEntityTooLarge);
            }

            body.Write(buffer, 0, read);
        }

        var bytes = body.Length == 0 ? "{}"u8.ToArray() : body.ToArray();
        try
        {
            return JsonSerializer.Deserialize(bytes, type) ?? throw FirehoseErrors.Serialization("The request body must be a JSON object.");
        }
        catch (JsonException e)
        {
            throw FirehoseErrors.Serialization($"The request body is not valid for the operation: {e.Message}");
        }
    }

    private static async Task WriteAsync<T>(HttpContext context, T value, JsonTypeInfo<T> type)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = ContentType;
        context.Response.Headers["x-amzn-RequestId"] = RequestIds.Of(context);
        await JsonSerializer.SerializeAsync(context.Response.Body, value, type, context.RequestAborted).ConfigureAwait(false);
    }
}
