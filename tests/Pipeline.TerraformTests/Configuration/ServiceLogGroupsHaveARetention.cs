using Pipeline.TerraformTests.Checks;
using Pipeline.TerraformTests.Support;

namespace Pipeline.TerraformTests.Configuration;

/// <summary>
/// Every log group the services write — Glue 5.0's job output and error groups and <c>/aws-glue/crawlers</c> included —
/// is created by the configuration, and every created group has a retention (<see cref="SecurityRulesHold"/>).
/// </summary>
public sealed class ServiceLogGroupsHaveARetention
{
    [Fact]
    public void EveryGroupAServiceWritesIsOneTheConfigurationCreates() =>
        Problems.AssertNone(LogGroupChecker.Check(HclParser.RepositoryTree));
}
