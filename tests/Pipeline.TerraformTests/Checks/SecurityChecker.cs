using System.Text.Json.Nodes;
using Pipeline.TerraformTests.Support;

namespace Pipeline.TerraformTests.Checks;

/// <summary>
/// The security rules a platform team expects: every bucket has its public access blocked, a TLS-only policy and
/// default encryption; queues, topics, delivery streams and Athena results are encrypted; every log group has a
/// retention.
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
            }

            foreach (var topic in module.Resources("aws_sns_topic"))
            {
                if (!topic.Body.ContainsKey("kms_master_key_id"))
                {
                    problems.Add($"{topic.Where}: not encrypted (kms_master_key_id)");
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

    private static bool DeniesInsecureTransport(TerraformModule module, TerraformBlock policy)
    {
        var text = JsonValues.AsString(policy.Body["policy"]) ?? "";
        var documents = module.Blocks
            .Where(b => b.Kind == "data" && b.Type == "aws_iam_policy_document" && text.Contains(b.Address + ".", StringComparison.Ordinal));
        return documents.Any(d => d.Body["statement"] is JsonArray statements && statements.OfType<JsonObject>().Any(s =>
            JsonValues.AsString(s["effect"]) == "Deny"
            && s["condition"] is JsonArray conditions
            && conditions.OfType<JsonObject>().Any(c =>
                JsonValues.AsString(c["variable"]) == "aws:SecureTransport"
                && JsonValues.StringList(c["values"]) is ["false"])));
    }
}
