namespace Pipeline.Provisioning;

/// <summary>What provisioning needs besides the AWS settings, from the environment the app host sets.</summary>
/// <param name="AccountId">The account the ARNs name (LocalCloud's).</param>
/// <param name="DataDirectory">LocalCloud's data directory, where the job logs the notifications link to live.</param>
public sealed record ProvisioningSettings(string AccountId, string DataDirectory)
{
    public const string AccountIdVariable = "PIPELINE_ACCOUNT_ID";

    public const string DataDirectoryVariable = "PIPELINE_DATA_DIR";

    public static ProvisioningSettings FromEnvironment(Func<string, string?> read) => new(
        read(AccountIdVariable) is { Length: > 0 } account ? account : "000000000000",
        Path.GetFullPath(read(DataDirectoryVariable) is { Length: > 0 } data ? data : ".pipeline"));
}
