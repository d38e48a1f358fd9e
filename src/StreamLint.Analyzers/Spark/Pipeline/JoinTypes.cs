namespace StreamLint.Spark.Pipeline
{
    /// <summary>Spark's join type names, normalised the way Spark's JoinType parser does (case and underscores ignored).</summary>
    internal static class JoinTypes
    {
        public const string Inner = "inner";
        public const string Cross = "cross";
        public const string FullOuter = "fullouter";
        public const string LeftOuter = "leftouter";
        public const string RightOuter = "rightouter";
        public const string LeftSemi = "leftsemi";
        public const string LeftAnti = "leftanti";

        /// <summary>Null when <paramref name="text"/> is not a constant or not a type Spark knows.</summary>
        public static string? Normalize(string? text) => text?.ToLowerInvariant().Replace("_", string.Empty) switch
        {
            "inner" => Inner,
            "cross" => Cross,
            "outer" or "full" or "fullouter" => FullOuter,
            "left" or "leftouter" => LeftOuter,
            "right" or "rightouter" => RightOuter,
            "semi" or "leftsemi" => LeftSemi,
            "anti" or "leftanti" => LeftAnti,
            _ => null,
        };

        /// <summary>Spark's display name (as in its error messages).</summary>
        public static string Display(string joinType) => joinType switch
        {
            Inner => "Inner",
            Cross => "Cross",
            FullOuter => "FullOuter",
            LeftOuter => "LeftOuter",
            RightOuter => "RightOuter",
            LeftSemi => "LeftSemi",
            LeftAnti => "LeftAnti",
            _ => joinType,
        };
    }
}
