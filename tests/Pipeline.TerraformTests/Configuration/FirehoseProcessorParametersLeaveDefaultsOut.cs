using Pipeline.TerraformTests.Checks;
using Pipeline.TerraformTests.Support;

namespace Pipeline.TerraformTests.Configuration;

public sealed class FirehoseProcessorParametersLeaveDefaultsOut
{
    [Fact]
    public void NoParameterWithADefaultIsWrittenOut() =>
        Problems.AssertNone(ProcessorParameterChecker.Check(HclParser.RepositoryTree));
}
