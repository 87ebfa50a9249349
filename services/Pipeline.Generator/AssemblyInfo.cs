using System.Runtime.CompilerServices;

// Tests reach the seams (pacer, batch assembly, geo maths) without making them part of the public API.
[assembly: InternalsVisibleTo("Pipeline.UnitTests")]
