using Pipeline.AwsShapes.Firehose;
using Pipeline.LocalCloud.Firehose.Api;
using Pipeline.LocalCloud.Hosting;
using Pipeline.UnitTests.LocalCloud.Firehose.Fakes;
using static Pipeline.UnitTests.LocalCloud.Firehose.Fakes.FirehoseTestBed;

namespace Pipeline.UnitTests.LocalCloud.Firehose.Configuration;

/// <summary>CreateDeliveryStream refuses what AWS refuses, with AWS's codes: model constraints first, then the service's rules.</summary>
public sealed class CreateDeliveryStreamValidationTests : IAsyncLifetime
{
    private readonly FirehoseTestBed _bed = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Fact]
    public async Task A_valid_stream_is_created_with_its_ARN()
    {
        var arn = await _bed.CreateAsync("clicks", Destination());

        Assert.Equal("arn:aws:firehose:us-east-1:000000000000:deliverystream/clicks", arn);
        Assert.True(File.Exists(Path.Combine(_bed.DataDirectory, "firehose", "clicks", "config.json")));
    }

    [Theory]
    [InlineData("has space", "Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+")]
    [InlineData("", "Member must have length greater than or equal to 1")]
    [InlineData("a2345678901234567890123456789012345678901234567890123456789012345", "Member must have length less than or equal to 64")]
    public async Task Stream_names_follow_the_model(string name, string constraint)
    {
        var error = await Assert.ThrowsAsync<AwsServiceException>(() => _bed.CreateAsync(name, Destination()));

        Assert.Equal("ValidationException", error.Code);
        Assert.Contains($"Value '{name}' at 'deliveryStreamName' failed to satisfy constraint: {constraint}", error.Message, StringComparison.Ordinal);
        Assert.Matches("^[12] validation errors? detected: ", error.Message);
    }

    [Fact]
    public async Task Buffering_hints_out_of_range_list_every_violation()
    {
        var error = await Assert.ThrowsAsync<AwsServiceException>(() => _bed.CreateAsync("s", Destination(sizeInMBs: 129, intervalInSeconds: 901)));

        Assert.Equal("ValidationException", error.Code);
        Assert.Equal(
            "2 validation errors detected: Value '129' at 'extendedS3DestinationConfiguration.bufferingHints.sizeInMBs' failed to satisfy constraint: Member must have value less than or equal to 128; "
            + "Value '901' at 'extendedS3DestinationConfiguration.bufferingHints.intervalInSeconds' failed to satisfy constraint: Member must have value less than or equal to 900",
            error.Message);
    }

    [Fact]
    public async Task Bucket_and_role_ARNs_are_required_and_must_look_like_ARNs()
    {
        var missing = await Assert.ThrowsAsync<AwsServiceException>(() => _bed.CreateAsync("s", Destination() with { BucketARN = null }));
        var malformed = await Assert.ThrowsAsync<AwsServiceException>(() => _bed.CreateAsync("s", Destination() with { RoleARN = "firehose-role" }));

        Assert.Equal("ValidationException", missing.Code);
        Assert.Contains("Value null at 'extendedS3DestinationConfiguration.bucketARN' failed to satisfy constraint: Member must not be null", missing.Message, StringComparison.Ordinal);
        Assert.Contains("at 'extendedS3DestinationConfiguration.roleARN' failed to satisfy constraint: Member must satisfy regular expression pattern", malformed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_compression_format_is_a_validation_error_and_an_unsupported_one_an_invalid_argument()
    {
        var unknown = await Assert.ThrowsAsync<AwsServiceException>(() => _bed.CreateAsync("s", Destination(compression: "BROTLI")));
        var unsupported = await Assert.ThrowsAsync<AwsServiceException>(() => _bed.CreateAsync("s", Destination(compression: "Snappy")));

        Assert.Equal("ValidationException", unknown.Code);
        Assert.Contains("Member must satisfy enum value set: [UNCOMPRESSED, GZIP, ZIP, Snappy, HADOOP_SNAPPY]", unknown.Message, StringComparison.Ordinal);
        Assert.Equal("InvalidArgumentException", unsupported.Code);
        Assert.Contains("Snappy is not supported", unsupported.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_prefix_with_expressions_and_no_error_prefix_is_an_invalid_argument()
    {
        var error = await Assert.ThrowsAsync<AwsServiceException>(() => _bed.CreateAsync("s", Destination(prefix: "raw/!{timestamp:yyyy}/", errorPrefix: null)));

        Assert.Equal("InvalidArgumentException", error.Code);
        Assert.Equal("ErrorOutputPrefix cannot be null or empty when Prefix contains expressions", error.Message);
        Assert.False(Directory.Exists(Path.Combine(_bed.DataDirectory, "firehose", "s")));
    }

    [Fact]
    public async Task A_missing_bucket_is_an_invalid_argument()
    {
        var error = await Assert.ThrowsAsync<AwsServiceException>(() => _bed.CreateAsync("s", Destination() with { BucketARN = "arn:aws:s3:::no-such-bucket" }));

        Assert.Equal("InvalidArgumentException", error.Code);
        Assert.Contains("no-such-bucket", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_name_in_use_is_ResourceInUseException()
    {
        await _bed.CreateAsync("s", Destination());

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => _bed.CreateAsync("s", Destination()));

        Assert.Equal("ResourceInUseException", error.Code);
        Assert.Equal("Firehose s under accountId 000000000000 already exists", error.Message);
    }

    [Fact]
    public async Task Dynamic_partitioning_needs_AWS_minimum_buffering()
    {
        var dynamic = new DynamicPartitioningConfiguration { Enabled = true };

        var size = await Assert.ThrowsAsync<AwsServiceException>(() => _bed.CreateAsync("s", Destination(sizeInMBs: 63, intervalInSeconds: 60, dynamicPartitioning: dynamic)));
        var interval = await Assert.ThrowsAsync<AwsServiceException>(() => _bed.CreateAsync("s", Destination(sizeInMBs: 64, intervalInSeconds: 59, dynamicPartitioning: dynamic)));
        await _bed.CreateAsync("s", Destination(sizeInMBs: 64, intervalInSeconds: 60, dynamicPartitioning: dynamic));

        Assert.Equal(("InvalidArgumentException", "BufferingHints.SizeInMBs must be at least 64 when dynamic partitioning is enabled."), (size.Code, size.Message));
        Assert.Equal(("InvalidArgumentException", "BufferingHints.IntervalInSeconds must be at least 60 when dynamic partitioning is enabled."), (interval.Code, interval.Message));
    }

    [Fact]
    public async Task Partition_key_expressions_need_their_processor()
    {
        var dynamic = new DynamicPartitioningConfiguration { Enabled = true };

        var lambda = await Assert.ThrowsAsync<AwsServiceException>(() => _bed.CreateAsync("s", Destination(
            prefix: "d=!{partitionKeyFromLambda:event_date}/", sizeInMBs: 64, dynamicPartitioning: dynamic)));
        var query = await Assert.ThrowsAsync<AwsServiceException>(() => _bed.CreateAsync("s", Destination(
            prefix: "c=!{partitionKeyFromQuery:customer}/", sizeInMBs: 64, dynamicPartitioning: dynamic, processing: Lambda())));

        Assert.Equal("InvalidArgumentException", lambda.Code);
        Assert.Contains("no enabled Lambda processor", lambda.Message, StringComparison.Ordinal);
        Assert.Contains("no enabled MetadataExtraction processor", query.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_query_key_must_be_defined_by_the_metadata_extraction_query()
    {
        var processing = new ProcessingConfiguration
        {
            Enabled = true,
            Processors = [new Processor { Type = "MetadataExtraction", Parameters = [new ProcessorParameter { ParameterName = "MetadataExtractionQuery", ParameterValue = "{customer_id:.customer.id}" }, new ProcessorParameter { ParameterName = "JsonParsingEngine", ParameterValue = "JQ-1.6" }] }],
        };

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => _bed.CreateAsync("s", Destination(
            prefix: "d=!{partitionKeyFromQuery:device}/", sizeInMBs: 64, dynamicPartitioning: new DynamicPartitioningConfiguration { Enabled = true }, processing: processing)));

        Assert.Contains("does not define 'device'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("NumberOfRetries", "301", "NumberOfRetries must be an integer from 0 to 300")]
    [InlineData("NumberOfRetries", "-1", "NumberOfRetries must be an integer from 0 to 300")]
    [InlineData("BufferSizeInMBs", "0.1", "BufferSizeInMBs of the Lambda processor must be from 0.2 to 3")]
    [InlineData("BufferSizeInMBs", "4", "BufferSizeInMBs of the Lambda processor must be from 0.2 to 3")]
    [InlineData("BufferIntervalInSeconds", "901", "BufferIntervalInSeconds of the Lambda processor must be an integer from 0 to 900")]
    [InlineData("Delimiter", "\\n", "The parameter Delimiter is not valid for the Lambda processor")]
    public async Task Lambda_processor_parameters_have_AWS_ranges(string name, string value, string expected)
    {
        var error = await Assert.ThrowsAsync<AwsServiceException>(() => _bed.CreateAsync("s", Destination(processing: Lambda((name, value)))));

        Assert.Equal("InvalidArgumentException", error.Code);
        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0.2")]
    [InlineData("3")]
    [InlineData("1.5")]
    public async Task The_lambda_buffer_accepts_fractions_of_a_megabyte(string size)
    {
        await _bed.CreateAsync("s", Destination(processing: Lambda(("BufferSizeInMBs", size), ("NumberOfRetries", "0"), ("BufferIntervalInSeconds", "0"))));

        Assert.Equal((long)(decimal.Parse(size, System.Globalization.CultureInfo.InvariantCulture) * 1024 * 1024), _bed.Service.Get("s").Settings.Lambda!.BufferSizeBytes);
    }

    [Fact]
    public async Task Unsupported_processors_and_destinations_are_invalid_arguments()
    {
        var processor = await Assert.ThrowsAsync<AwsServiceException>(() => _bed.CreateAsync("s", Destination(processing: new ProcessingConfiguration
        {
            Enabled = true,
            Processors = [new Processor { Type = "RecordDeAggregation", Parameters = [new ProcessorParameter { ParameterName = "SubRecordType", ParameterValue = "JSON" }] }],
        })));
        var redshift = await Assert.ThrowsAsync<AwsServiceException>(() => _bed.Service.CreateAsync(
            new CreateDeliveryStreamInput
            {
                DeliveryStreamName = "r",
                RedshiftDestinationConfiguration = new RedshiftDestinationConfiguration(),
            },
            CancellationToken.None));
        var none = await Assert.ThrowsAsync<AwsServiceException>(() => _bed.Service.CreateAsync(new CreateDeliveryStreamInput { DeliveryStreamName = "n" }, CancellationToken.None));

        Assert.Equal("InvalidArgumentException", processor.Code);
        Assert.Equal("InvalidArgumentException", redshift.Code);
        Assert.Contains("only to Amazon S3", redshift.Message, StringComparison.Ordinal);
        Assert.Equal("InvalidArgumentException", none.Code);
    }

    [Fact]
    public async Task An_unknown_time_zone_is_an_invalid_argument()
    {
        var error = await Assert.ThrowsAsync<AwsServiceException>(() => _bed.CreateAsync("s", Destination(customTimeZone: "Mars/Olympus_Mons")));

        Assert.Equal("InvalidArgumentException", error.Code);
    }

    [Theory]
    [InlineData(".")]
    [InlineData("..")]
    public async Task Names_that_are_folder_references_are_refused(string name)
    {
        var error = await Assert.ThrowsAsync<AwsServiceException>(() => _bed.CreateAsync(name, Destination()));

        Assert.Equal("InvalidArgumentException", error.Code);
    }

    [Fact]
    public async Task The_plain_S3_destination_is_accepted_too()
    {
        var destination = Destination(prefix: "p/", errorPrefix: null);
        var plain = new S3DestinationConfiguration { RoleARN = destination.RoleARN, BucketARN = destination.BucketARN, Prefix = destination.Prefix, ErrorOutputPrefix = destination.ErrorOutputPrefix, BufferingHints = destination.BufferingHints };
        await _bed.Service.CreateAsync(new CreateDeliveryStreamInput { DeliveryStreamName = "plain", S3DestinationConfiguration = plain }, CancellationToken.None);

        Assert.Equal("p/!{timestamp:yyyy/MM/dd/HH/}", _bed.Service.Get("plain").Settings.Prefixes.Prefix.Text);
    }
}
