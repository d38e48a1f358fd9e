namespace StreamLint.Spark.Pipeline
{
    /// <summary>The output mode a query runs in. Not set means Append (Spark's default).</summary>
    internal enum OutputModeFact
    {
        Unknown,
        Append,
        Complete,
        Update,

        /// <summary>A constant string Spark does not accept.</summary>
        Invalid,
    }

    internal static class OutputModes
    {
        /// <summary>Spark parses mode strings case-insensitively.</summary>
        public static OutputModeFact Parse(string text) => text.ToLowerInvariant() switch
        {
            "append" => OutputModeFact.Append,
            "complete" => OutputModeFact.Complete,
            "update" => OutputModeFact.Update,
            _ => OutputModeFact.Invalid,
        };

        /// <summary>Values of the Microsoft.Spark.Sql.Streaming.OutputMode enum: Append = 0, Complete = 1, Update = 2.</summary>
        public static OutputModeFact FromEnum(object? value) => value switch
        {
            0 => OutputModeFact.Append,
            1 => OutputModeFact.Complete,
            2 => OutputModeFact.Update,
            _ => OutputModeFact.Unknown,
        };

        public static string Display(OutputModeFact mode) => mode switch
        {
            OutputModeFact.Append => "Append",
            OutputModeFact.Complete => "Complete",
            OutputModeFact.Update => "Update",
            _ => "an unknown",
        };
    }
}
