using System.Text.Json.Nodes;
using Pipeline.TerraformTests.Support;

namespace Pipeline.TerraformTests.Checks;

/// <summary>
/// The security rules a platform team expects: every bucket has its public access blocked and default encryption;
/// every bucket, queue and topic has a resource policy, and every such policy denies requests made without TLS;
/// queues, topics, delivery streams and Athena results are encrypted; every log group has a retention.
/// </summary>
public static class SecurityChecker
{
    public static IReadOnlyList<string> Check(TerraformTree tree)
    {
        var problems = new List<string>();
        foreach (var module in tree.Modules.Values)
        {
            foreach (var bucket in module.Resources("aws_s3_bucket"))
            {
                var reference = $"{bucket.Address}.";
                bool Targets(TerraformBlock b) => JsonValues.AsString(b.Body["bucket"])?.Contains(reference, StringComparison.Ordinal) == true;

                var block = module.Resources("aws_s3_bucket_public_access_block").FirstOrDefault(Targets);
                if (block is null)
                {
                    problems.Add($"{bucket.Where}: no aws_s3_bucket_public_access_block");
                }
                else
                {
                    foreach (var setting in new[] { "block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets" })
                    {
                        if (!JsonValues.IsTrue(block.Body[setting]))
                        {
                            problems.Add($"{block.Where}: {setting} is not true");
                        }
                    }
                }

                if (!module.Resources("aws_s3_bucket_server_side_encryption_configuration").Any(Targets))
                {
                    problems.Add($"{bucket.Where}: no aws_s3_bucket_server_side_encryption_configuration");
                }

                var policy = module.Resources("aws_s3_bucket_policy").FirstOrDefault(Targets);
                if (policy is null || !DeniesInsecureTransport(module, policy))
                {
                    problems.Add($"{bucket.Where}: no bucket policy denying requests without TLS (aws:SecureTransport false)");
                }
            }

            foreach (var queue in module.Resources("aws_sqs_queue"))
            {
                if (!JsonValues.IsTrue(queue.Body["sqs_managed_sse_enabled"]) && !queue.Body.ContainsKey("kms_master_key_id"))
                {
                    problems.Add($"{queue.Where}: not encrypted (sqs_managed_sse_enabled or kms_master_key_id)");
                }

                if (!module.Resources("aws_sqs_queue_policy").Any(p => Names(p.Body["queue_url"], queue)))
                {
                    problems.Add($"{queue.Where}: no aws_sqs_queue_policy (one denying requests without TLS)");
                }
            }

            foreach (var topic in module.Resources("aws_sns_topic"))
            {
                if (!topic.Body.ContainsKey("kms_master_key_id"))
                {
                    problems.Add($"{topic.Where}: not encrypted (kms_master_key_id)");
                }

                if (!module.Resources("aws_sns_topic_policy").Any(p => Names(p.Body["arn"], topic)))
                {
                    problems.Add($"{topic.Where}: no aws_sns_topic_policy (one denying requests without TLS)");
                }
            }

            // Every resource policy, whatever else it allows, refuses requests made without TLS.
            foreach (var policy in module.Blocks.Where(b => b.Kind == "resource" && b.Type is "aws_sqs_queue_policy" or "aws_sns_topic_policy"))
            {
                if (!DeniesInsecureTransport(module, policy))
                {
                    problems.Add($"{policy.Where}: does not deny requests without TLS (a Deny on aws:SecureTransport false)");
                }
            }

            foreach (var stream in module.Resources("aws_kinesis_firehose_delivery_stream"))
            {
                if (JsonValues.Block(stream.Body, "server_side_encryption") is not { } sse || !JsonValues.IsTrue(sse["enabled"]))
                {
                    problems.Add($"{stream.Where}: server_side_encryption is not enabled");
                }
            }

            foreach (var workgroup in module.Resources("aws_athena_workgroup"))
            {
                var configuration = JsonValues.Block(workgroup.Body, "configuration");
                var results = configuration is null ? null : JsonValues.Block(configuration, "result_configuration");
                if (results is null || JsonValues.Block(results, "encryption_configuration") is null)
                {
                    problems.Add($"{workgroup.Where}: query results are not encrypted");
                }
            }

            foreach (var group in module.Resources("aws_cloudwatch_log_group"))
            {
                if (!group.Body.ContainsKey("retention_in_days") || group.Body["retention_in_days"]?.ToJsonString() == "0")
                {
                    problems.Add($"{group.Where}: no retention_in_days");
                }
            }
        }

        return problems;
    }

    /// <summary>True when the expression refers to the resource (its address followed by an attribute or an index).</summary>
    private static bool Names(JsonNode? expression, TerraformBlock resource) =>
        JsonValues.AsString(expression) is { } text
        && (text.Contains(resource.Address + ".", StringComparison.Ordinal) || text.Contains(resource.Address + "[", StringComparison.Ordinal));

    private static bool DeniesInsecureTransport(TerraformModule module, TerraformBlock policy)
    {
        var documents = module.Blocks
            .Where(b => b.Kind == "data" && b.Type == "aws_iam_policy_document" && Names(policy.Body["policy"], b));
        return documents.Any(d => d.Body["statement"] is JsonArray statements && statements.OfType<JsonObject>().Any(s =>
            JsonValues.AsString(s["effect"]) == "Deny"
            && s["condition"] is JsonArray conditions
            && conditions.OfType<JsonObject>().Any(c =>
                JsonValues.AsString(c["variable"]) == "aws:SecureTransport"
                && JsonValues.StringList(c["values"]) is ["false"])));
    }
}
