namespace Pipeline.LocalCloud.Lambda.Execution;

/// <summary>How the pool took a runtime's answer to an invocation.</summary>
internal enum RuntimeAnswer
{
    /// <summary>It completed the invocation the process held (202).</summary>
    Accepted,

    /// <summary>A repeat for an invocation already answered (the error after a 413); dropped, still 202.</summary>
    AlreadyAnswered,

    /// <summary>The process holds no invocation with that id (400 <c>InvalidRequestID</c>).</summary>
    UnknownRequest,
}
