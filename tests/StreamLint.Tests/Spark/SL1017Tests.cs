using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using StreamLint.CodeFixes.Spark;
using Xunit;
using static StreamLint.Tests.Infrastructure.SparkCode;
using SL1017 = StreamLint.Tests.Infrastructure.Verifier<StreamLint.Spark.Rules.ForeachWriterNotSerializableAnalyzer, StreamLint.CodeFixes.Spark.ForeachWriterNotSerializableCodeFix>;
using StreamLint.Tests.Infrastructure;

namespace StreamLint.Tests.Spark
{
    public class SL1017Tests
    {
        [Fact]
        public Task MissingSerializable_Reports() =>
            SL1017.VerifyAnalyzerAsync(Usings + @"
class {|SL1017:Plain|} : IForeachWriter
{
    public bool Open(long partitionId, long epochId) => true;
    public void Process(Row row) { }
    public void Close(System.Exception errorOrNull) { }
}

[System.Serializable]
class Base : IForeachWriter
{
    public virtual bool Open(long partitionId, long epochId) => true;
    public void Process(Row row) { }
    public void Close(System.Exception errorOrNull) { }
}

class {|SL1017:Derived|} : Base { }

[System.Serializable]
class Good : Base { }

abstract class Template : IForeachWriter
{
    public abstract bool Open(long partitionId, long epochId);
    public void Process(Row row) { }
    public void Close(System.Exception errorOrNull) { }
}");

        [Fact]
        public Task ConnectionInConstructor_Warning() =>
            SL1017.VerifyAnalyzerAsync(Usings + @"
[System.Serializable]
class Sink : IForeachWriter
{
    private readonly System.IO.MemoryStream buffer = {|#0:new System.IO.MemoryStream()|};
    private System.IO.StringWriter? log;

    public Sink() { this.log = {|#1:new System.IO.StringWriter()|}; }

    public bool Open(long partitionId, long epochId) { this.log = new System.IO.StringWriter(); return true; }
    public void Process(Row row) { }
    public void Close(System.Exception errorOrNull) { }
}",
                new DiagnosticResult("SL1017", DiagnosticSeverity.Warning).WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithMessageFormat("{0}").WithArguments("'Sink' opens MemoryStream when it is constructed on the driver; connections cannot travel to the executors: open them in Open(partitionId, epochId) and release them in Close"),
                new DiagnosticResult("SL1017", DiagnosticSeverity.Warning).WithLocation(1).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithMessageFormat("{0}").WithArguments("'Sink' opens StringWriter when it is constructed on the driver; connections cannot travel to the executors: open them in Open(partitionId, epochId) and release them in Close"));

        [Fact]
        public Task Fix_AddsSerializable() =>
            SL1017.VerifyCodeFixAsync(
                "using System;\n" + Usings + @"
/// <summary>Writes rows.</summary>
class {|SL1017:Plain|} : IForeachWriter
{
    public bool Open(long partitionId, long epochId) => true;
    public void Process(Row row) { }
    public void Close(Exception errorOrNull) { }
}",
                "using System;\n" + Usings + @"
/// <summary>Writes rows.</summary>
[Serializable]
class Plain : IForeachWriter
{
    public bool Open(long partitionId, long epochId) => true;
    public void Process(Row row) { }
    public void Close(Exception errorOrNull) { }
}",
                ForeachWriterNotSerializableCodeFix.AddSerializableKey);

    }
}
