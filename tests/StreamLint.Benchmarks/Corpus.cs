using System;
using System.Collections.Generic;
using System.Linq;

namespace StreamLint.Benchmarks
{
    internal enum FileKind
    {
        Shared,
        Business,
        Spark,
        Streamiz,
        Kafka,
    }

    internal sealed class GeneratedFile
    {
        public GeneratedFile(string path, FileKind kind, string text, int lines)
        {
            this.Path = path;
            this.Kind = kind;
            this.Text = text;
            this.Lines = lines;
        }

        public string Path { get; }

        public FileKind Kind { get; }

        public string Text { get; }

        public int Lines { get; }
    }

    /// <summary>
    /// A generated project: shared code, business files and streaming files
    /// (Spark, Streamiz, Kafka) in a fixed proportion. File <c>i</c> depends only on the seed and <c>i</c>, so a
    /// smaller corpus is a prefix of a larger one.
    /// </summary>
    internal sealed class Corpus
    {
        public Corpus(IReadOnlyList<GeneratedFile> files, IReadOnlyDictionary<string, int> planted)
        {
            this.Files = files;
            this.Planted = planted;
        }

        public IReadOnlyList<GeneratedFile> Files { get; }

        /// <summary>
        /// Mistakes planted per rule ID (Spark, Streamiz and Confluent.Kafka): where the rule must report. A lower bound:
        /// other shapes may report too.
        /// </summary>
        public IReadOnlyDictionary<string, int> Planted { get; }

        /// <summary>Mistakes planted where SL1001 must report (a lower bound: other shapes may report too).</summary>
        public int ExpectedSL1001 => this.Expected("SL1001");

        /// <summary>Mistakes planted where SL1010 must report (a lower bound).</summary>
        public int ExpectedSL1010 => this.Expected("SL1010");

        public int Lines => this.Files.Sum(f => f.Lines);

        public int Count(FileKind kind) => this.Files.Count(f => f.Kind == kind);

        public int Expected(string id) => this.Planted.TryGetValue(id, out int n) ? n : 0;

        /// <summary>
        /// The same project without its streaming files (Spark, Streamiz, Kafka): what a team that uses none of the
        /// libraries compiles.
        /// </summary>
        public IEnumerable<GeneratedFile> WithoutStreaming => this.Files.Where(f => f.Kind is FileKind.Shared or FileKind.Business);
    }

    internal static partial class CorpusGenerator
    {
        private static readonly string[] Domains =
        {
            "Orders", "Payments", "Inventory", "Shipping", "Customers", "Billing", "Telemetry", "Fraud",
            "Pricing", "Catalog", "Loyalty", "Returns", "Support", "Marketing", "Analytics", "Devices",
        };

        private static readonly string[] Entities =
        {
            "Order", "Payment", "StockItem", "Shipment", "Customer", "Invoice", "Reading", "Alert",
            "PriceQuote", "Product", "Reward", "Refund", "Ticket", "Campaign", "Session", "Device",
        };

        private static readonly (string Name, string Type)[] ExtraFields =
        {
            ("CustomerId", "string"), ("Quantity", "int"), ("Score", "double"), ("IsActive", "bool"),
            ("Currency", "string"), ("Email", "string"), ("Sku", "string"), ("Priority", "int"),
            ("Notes", "string?"), ("UpdatedAt", "DateTimeOffset?"), ("Weight", "double"), ("Channel", "string"),
        };

        private static readonly string[] TimeColumns = { "eventTime", "timestamp", "createdAt", "occurredAt" };
        private static readonly string[] KeyColumns = { "region", "customerId", "sku", "deviceId", "channel", "merchantId" };
        private static readonly string[] ValueColumns = { "amount", "quantity", "score", "latencyMs", "price" };
        private static readonly string[] Windows = { "1 minute", "5 minutes", "10 minutes", "15 minutes", "1 hour" };
        private static readonly string[] Delays = { "30 seconds", "2 minutes", "10 minutes", "1 hour" };

        public static Corpus Generate(int targetLines, int seed)
        {
            var files = new List<GeneratedFile> { SharedFile() };
            int lines = files.Sum(f => f.Lines);
            int sl1001 = 0;
            int sl1010 = 0;
            var planted = new Dictionary<string, int>(StringComparer.Ordinal);
            for (int i = 0; lines < targetLines; i++)
            {
                var random = new Random(unchecked((seed * 7919) + (i * 104729)));
                GeneratedFile file;
                if (i % 3 == 1)
                {
                    // A third of the files are streaming code: mostly Spark, the rest Streamiz and Confluent.Kafka.
                    int pick = random.Next(10);
                    file = pick < 6 ? SparkFile(random, i, 0, ref sl1001, ref sl1010)
                        : pick < 8 ? StreamizFile(random, i, planted)
                        : KafkaFile(random, i, planted);
                }
                else
                {
                    file = BusinessFile(random, i);
                }

                files.Add(file);
                lines += file.Lines;
            }

            planted["SL1001"] = sl1001;
            planted["SL1010"] = sl1010;
            return new Corpus(files, planted);
        }

        /// <summary>One Spark document of about <paramref name="targetLines"/> lines, for the IDE latency run.</summary>
        public static GeneratedFile StreamingDocument(int targetLines, int seed)
        {
            int ignored1 = 0;
            int ignored2 = 0;
            return SparkFile(new Random(seed), 999_999, targetLines, ref ignored1, ref ignored2);
        }

        private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

        private static string Lower(string name) => char.ToLowerInvariant(name[0]) + name.Substring(1);

        private static string Kebab(string name) =>
            string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

        private sealed class Entity
        {
            public Entity(Random random)
            {
                int index = random.Next(Domains.Length);
                this.Domain = Domains[index];
                this.Name = Entities[index];
                var fields = new List<(string, string)> { ("Id", "Guid"), ("CreatedAt", "DateTimeOffset"), ("Amount", "decimal"), ("Region", "string"), ("Status", "string") };
                foreach ((string, string) extra in ExtraFields.OrderBy(_ => random.Next()).Take(2 + random.Next(4)))
                {
                    fields.Add(extra);
                }

                this.Fields = fields;
            }

            public string Domain { get; }

            public string Name { get; }

            public IReadOnlyList<(string Name, string Type)> Fields { get; }

            public string Parameters => string.Join(", ", this.Fields.Select(f => $"{f.Type} {f.Name}"));

            public string MapFrom(string variable) => string.Join(", ", this.Fields.Select(f => $"{variable}.{f.Name}"));
        }

        private static void Usings(CodeWriter w, params string[] extra)
        {
            foreach (string u in new[] { "System", "System.Collections.Generic", "System.Linq", "System.Threading", "System.Threading.Tasks" }.Concat(extra))
            {
                w.Line($"using {u};");
            }

            w.Line();
        }

        private static void EntityTypes(CodeWriter w, Entity e)
        {
            w.Open($"public sealed class {e.Name} : IEntity");
            foreach ((string name, string type) in e.Fields)
            {
                string init = type == "string" ? " = string.Empty;" : string.Empty;
                w.Line($"public {type} {name} {{ get; set; }}{init}");
            }

            w.Line();
            w.Line($"public List<{e.Name}Line> Lines {{ get; }} = new List<{e.Name}Line>();");
            w.Close();
            w.Line();
            w.Block($$"""
                public sealed class {{e.Name}}Line
                {
                    public string Code { get; set; } = string.Empty;

                    public int Quantity { get; set; }

                    public decimal UnitPrice { get; set; }

                    public decimal Total => this.Quantity * this.UnitPrice;
                }

                public sealed record {{e.Name}}Dto({{e.Parameters}});

                """);
        }

        private static GeneratedFile Finish(CodeWriter w, string path, FileKind kind) => new GeneratedFile(path, kind, w.ToString(), w.Lines);

        // ---------------------------------------------------------------- shared code

        private static GeneratedFile SharedFile()
        {
            var w = new CodeWriter();
            Usings(w, "System.Collections.Concurrent");
            w.Block("""
                namespace Contoso.Common
                {
                    public interface ILog
                    {
                        void Info(string message);

                        void Warn(string message);

                        void Error(Exception exception, string message);
                    }

                    public interface IClock
                    {
                        DateTimeOffset UtcNow { get; }
                    }

                    public interface IEntity
                    {
                        Guid Id { get; }
                    }

                    public interface IRepository<T>
                        where T : class, IEntity
                    {
                        Task<T?> FindAsync(Guid id, CancellationToken cancellationToken);

                        Task<IReadOnlyList<T>> ListAsync(CancellationToken cancellationToken);

                        Task AddAsync(T entity, CancellationToken cancellationToken);

                        Task RemoveAsync(Guid id, CancellationToken cancellationToken);
                    }

                    public sealed class InMemoryRepository<T> : IRepository<T>
                        where T : class, IEntity
                    {
                        private readonly ConcurrentDictionary<Guid, T> items = new ConcurrentDictionary<Guid, T>();

                        public Task<T?> FindAsync(Guid id, CancellationToken cancellationToken) =>
                            Task.FromResult(this.items.TryGetValue(id, out T? item) ? item : null);

                        public Task<IReadOnlyList<T>> ListAsync(CancellationToken cancellationToken) =>
                            Task.FromResult<IReadOnlyList<T>>(this.items.Values.ToList());

                        public Task AddAsync(T entity, CancellationToken cancellationToken)
                        {
                            this.items[entity.Id] = entity;
                            return Task.CompletedTask;
                        }

                        public Task RemoveAsync(Guid id, CancellationToken cancellationToken)
                        {
                            this.items.TryRemove(id, out _);
                            return Task.CompletedTask;
                        }
                    }

                    public sealed class SystemClock : IClock
                    {
                        public DateTimeOffset UtcNow => DateTimeOffset.UtcNow;
                    }

                    public sealed class ConsoleLog : ILog
                    {
                        public void Info(string message) => Console.WriteLine("info: " + message);

                        public void Warn(string message) => Console.WriteLine("warn: " + message);

                        public void Error(Exception exception, string message) => Console.Error.WriteLine("error: " + message + " " + exception.Message);
                    }

                    public sealed class DomainException : Exception
                    {
                        public DomainException(string message)
                            : base(message)
                        {
                        }
                    }

                    public static class Guard
                    {
                        public static T NotNull<T>(T? value, string name)
                            where T : class => value ?? throw new ArgumentNullException(name);

                        public static string NotEmpty(string? value, string name) =>
                            string.IsNullOrWhiteSpace(value) ? throw new ArgumentException("Value required.", name) : value;

                        public static decimal NotNegative(decimal value, string name) =>
                            value < 0 ? throw new ArgumentOutOfRangeException(name, value, "Must not be negative.") : value;
                    }

                    public readonly struct Result<T>
                    {
                        private Result(bool success, T? value, string? error)
                        {
                            this.IsSuccess = success;
                            this.Value = value;
                            this.Error = error;
                        }

                        public bool IsSuccess { get; }

                        public T? Value { get; }

                        public string? Error { get; }

                        public static Result<T> Ok(T value) => new Result<T>(true, value, null);

                        public static Result<T> Fail(string error) => new Result<T>(false, default, error);
                    }

                    public sealed class PagedResult<T>
                    {
                        public PagedResult(IReadOnlyList<T> items, int page, int pageSize, int total)
                        {
                            this.Items = items;
                            this.Page = page;
                            this.PageSize = pageSize;
                            this.Total = total;
                        }

                        public IReadOnlyList<T> Items { get; }

                        public int Page { get; }

                        public int PageSize { get; }

                        public int Total { get; }

                        public bool HasNext => this.Page * this.PageSize < this.Total;
                    }

                    public static class EnumerableExtensions
                    {
                        public static IEnumerable<IReadOnlyList<T>> InBatches<T>(this IEnumerable<T> source, int size)
                        {
                            var batch = new List<T>(size);
                            foreach (T item in source)
                            {
                                batch.Add(item);
                                if (batch.Count == size)
                                {
                                    yield return batch;
                                    batch = new List<T>(size);
                                }
                            }

                            if (batch.Count > 0)
                            {
                                yield return batch;
                            }
                        }

                        public static IEnumerable<T> NotNull<T>(this IEnumerable<T?> source)
                            where T : class
                        {
                            foreach (T? item in source)
                            {
                                if (item is not null)
                                {
                                    yield return item;
                                }
                            }
                        }
                    }
                }
                """);
            return Finish(w, "Common/Shared.cs", FileKind.Shared);
        }

        // ---------------------------------------------------------------- ordinary business code

        private static GeneratedFile BusinessFile(Random random, int index)
        {
            var e = new Entity(random);
            var w = new CodeWriter();
            Usings(w, "System.Text", "System.Text.Json", "Contoso.Common");
            w.Open($"namespace Contoso.{e.Domain}.M{index}");
            EntityTypes(w, e);
            int flavour = random.Next(4);
            string kind = flavour switch { 0 => "Service", 1 => "Mapper", 2 => "Policy", _ => "Handler" };
            switch (flavour)
            {
                case 0:
                    Service(w, e, random);
                    break;
                case 1:
                    Mapper(w, e, random);
                    break;
                case 2:
                    Policy(w, e, random);
                    break;
                default:
                    Handler(w, e, random);
                    break;
            }

            w.Close();
            return Finish(w, $"{e.Domain}/M{index}/{e.Name}{kind}.cs", FileKind.Business);
        }

        private static void Service(CodeWriter w, Entity e, Random random)
        {
            string n = e.Name;
            w.Block($$"""
                public interface I{{n}}Service
                {
                    Task<{{n}}Dto?> GetAsync(Guid id, CancellationToken cancellationToken);

                    Task<IReadOnlyList<{{n}}Dto>> ListRecentAsync(int days, CancellationToken cancellationToken);

                    Task<Guid> CreateAsync(string region, decimal amount, CancellationToken cancellationToken);
                }

                public sealed class {{n}}Service : I{{n}}Service
                {
                    private readonly IRepository<{{n}}> repository;
                    private readonly ILog log;
                    private readonly IClock clock;

                    public {{n}}Service(IRepository<{{n}}> repository, ILog log, IClock clock)
                    {
                        this.repository = Guard.NotNull(repository, nameof(repository));
                        this.log = Guard.NotNull(log, nameof(log));
                        this.clock = Guard.NotNull(clock, nameof(clock));
                    }

                    public async Task<{{n}}Dto?> GetAsync(Guid id, CancellationToken cancellationToken)
                    {
                        {{n}}? entity = await this.repository.FindAsync(id, cancellationToken).ConfigureAwait(false);
                        if (entity is null)
                        {
                            this.log.Info($"{{n}} {id} not found");
                            return null;
                        }

                        return Map(entity);
                    }

                    public async Task<IReadOnlyList<{{n}}Dto>> ListRecentAsync(int days, CancellationToken cancellationToken)
                    {
                        DateTimeOffset since = this.clock.UtcNow.AddDays(-days);
                        IReadOnlyList<{{n}}> all = await this.repository.ListAsync(cancellationToken).ConfigureAwait(false);
                        return all
                            .Where(x => x.CreatedAt >= since && x.Status != "Deleted")
                            .OrderByDescending(x => x.CreatedAt)
                            .ThenBy(x => x.Region, StringComparer.Ordinal)
                            .Take({{50 + random.Next(200)}})
                            .Select(Map)
                            .ToList();
                    }

                    public async Task<Guid> CreateAsync(string region, decimal amount, CancellationToken cancellationToken)
                    {
                        Guard.NotEmpty(region, nameof(region));
                        Guard.NotNegative(amount, nameof(amount));
                        var entity = new {{n}}
                        {
                            Id = Guid.NewGuid(),
                            CreatedAt = this.clock.UtcNow,
                            Region = region.Trim().ToUpperInvariant(),
                            Amount = decimal.Round(amount, 2),
                            Status = "New",
                        };

                        await this.repository.AddAsync(entity, cancellationToken).ConfigureAwait(false);
                        this.log.Info($"Created {{n}} {entity.Id} in {entity.Region} for {entity.Amount:0.00}");
                        return entity.Id;
                    }

                    public async Task<int> ArchiveAsync(TimeSpan olderThan, CancellationToken cancellationToken)
                    {
                        int archived = 0;
                        DateTimeOffset cutoff = this.clock.UtcNow - olderThan;
                        foreach ({{n}} item in await this.repository.ListAsync(cancellationToken).ConfigureAwait(false))
                        {
                            cancellationToken.ThrowIfCancellationRequested();
                            if (item.CreatedAt < cutoff && item.Status is "Closed" or "Cancelled")
                            {
                                await this.repository.RemoveAsync(item.Id, cancellationToken).ConfigureAwait(false);
                                archived++;
                            }
                        }

                        if (archived > 0)
                        {
                            this.log.Info($"Archived {archived} {{n}} records");
                        }

                        return archived;
                    }

                    public async Task<PagedResult<{{n}}Dto>> PageAsync(int page, int pageSize, CancellationToken cancellationToken)
                    {
                        if (page < 1 || pageSize < 1)
                        {
                            throw new DomainException("Paging starts at 1.");
                        }

                        IReadOnlyList<{{n}}> all = await this.repository.ListAsync(cancellationToken).ConfigureAwait(false);
                        List<{{n}}Dto> items = all.OrderBy(x => x.CreatedAt).Skip((page - 1) * pageSize).Take(pageSize).Select(Map).ToList();
                        return new PagedResult<{{n}}Dto>(items, page, pageSize, all.Count);
                    }

                    public async Task<Dictionary<string, decimal>> TotalsByRegionAsync(CancellationToken cancellationToken)
                    {
                        IReadOnlyList<{{n}}> all = await this.repository.ListAsync(cancellationToken).ConfigureAwait(false);
                        var totals = new Dictionary<string, decimal>(StringComparer.OrdinalIgnoreCase);
                        foreach ({{n}} item in all)
                        {
                            totals.TryGetValue(item.Region, out decimal current);
                            totals[item.Region] = current + item.Amount + item.Lines.Sum(l => l.Total);
                        }

                        return totals;
                    }

                    private static {{n}}Dto Map({{n}} x) => new {{n}}Dto({{e.MapFrom("x")}});
                }
                """);
        }

        private static void Mapper(CodeWriter w, Entity e, Random random)
        {
            string n = e.Name;
            w.Open($"public static class {n}Mapper");
            w.Line($"public static {n}Dto ToDto(this {n} x) => new {n}Dto({e.MapFrom("x")});");
            w.Line();
            w.Line($"public static IReadOnlyList<{n}Dto> ToDtos(IEnumerable<{n}?> items) => items.NotNull().Select(ToDto).ToList();");
            w.Line();
            w.Open($"public static string Describe({n} x)");
            w.Line("var builder = new StringBuilder();");
            foreach ((string name, string type) in e.Fields)
            {
                w.Line(type == "string?" || type == "DateTimeOffset?"
                    ? $"builder.Append(\"{name}=\").Append(x.{name}?.ToString() ?? \"<none>\").Append(';');"
                    : $"builder.Append(\"{name}=\").Append(x.{name}).Append(';');");
            }

            w.Line("return builder.ToString();");
            w.Close();
            w.Line();
            w.Block($$"""
                public static IEnumerable<string> Validate({{n}} x)
                {
                    if (x.Id == Guid.Empty)
                    {
                        yield return "Id is required";
                    }

                    if (string.IsNullOrWhiteSpace(x.Region))
                    {
                        yield return "Region is required";
                    }

                    if (x.Amount < 0 || x.Amount > {{1000 * (1 + random.Next(100))}}m)
                    {
                        yield return $"Amount {x.Amount} is out of range";
                    }

                    foreach ({{n}}Line line in x.Lines.Where(l => l.Quantity <= 0))
                    {
                        yield return $"Line {line.Code} has no quantity";
                    }
                }

                public static Dictionary<string, int> CountByStatus(IEnumerable<{{n}}> items) =>
                    items.GroupBy(x => x.Status).ToDictionary(g => g.Key, g => g.Count());

                public static string ToJson({{n}} x) => JsonSerializer.Serialize(ToDto(x));

                public static {{n}}Dto? FromJson(string json)
                {
                    try
                    {
                        return JsonSerializer.Deserialize<{{n}}Dto>(json);
                    }
                    catch (JsonException)
                    {
                        return null;
                    }
                }

                public static IEnumerable<(string Region, decimal Total, int Count)> Summarize(IEnumerable<{{n}}> items) =>
                    from x in items
                    where x.Status != "Cancelled"
                    group x by x.Region into g
                    orderby g.Key
                    select (g.Key, g.Sum(i => i.Amount), g.Count());
                """);
            w.Close();
        }

        private static void Policy(CodeWriter w, Entity e, Random random)
        {
            string n = e.Name;
            int a = 50 + random.Next(100);
            int b = a * (2 + random.Next(5));
            int c = b * (2 + random.Next(5));
            w.Block($$"""
                public enum {{n}}Tier
                {
                    Bronze,
                    Silver,
                    Gold,
                    Platinum,
                }

                public static class {{n}}Policy
                {
                    private static readonly Dictionary<{{n}}Tier, decimal> Limits = new Dictionary<{{n}}Tier, decimal>
                    {
                        [{{n}}Tier.Bronze] = {{a}}m,
                        [{{n}}Tier.Silver] = {{b}}m,
                        [{{n}}Tier.Gold] = {{c}}m,
                        [{{n}}Tier.Platinum] = decimal.MaxValue,
                    };

                    public static {{n}}Tier TierFor(decimal amount) => amount switch
                    {
                        < {{a}}m => {{n}}Tier.Bronze,
                        < {{b}}m => {{n}}Tier.Silver,
                        < {{c}}m => {{n}}Tier.Gold,
                        _ => {{n}}Tier.Platinum,
                    };

                    public static decimal Discount({{n}}Tier tier, bool loyal) => (tier, loyal) switch
                    {
                        ({{n}}Tier.Platinum, true) => 0.15m,
                        ({{n}}Tier.Platinum, false) => 0.10m,
                        ({{n}}Tier.Gold, true) => 0.08m,
                        ({{n}}Tier.Gold, false) => 0.05m,
                        (_, true) => 0.02m,
                        _ => 0m,
                    };

                    public static bool WithinLimit({{n}} x) => x.Amount <= Limits[TierFor(x.Amount)];

                    public static decimal Score(IReadOnlyList<{{n}}> history)
                    {
                        if (history.Count == 0)
                        {
                            return 0m;
                        }

                        decimal score = 0m;
                        for (int i = 0; i < history.Count; i++)
                        {
                            {{n}} item = history[i];
                            decimal weight = 1m / (i + 1);
                            score += item.Status switch
                            {
                                "Closed" => item.Amount * weight,
                                "Cancelled" => -item.Amount * weight / 2,
                                "Disputed" => -item.Amount * weight,
                                _ => 0m,
                            };
                        }

                        return decimal.Round(score / history.Count, 4);
                    }

                    public static string Classify(object? value) => value switch
                    {
                        null => "missing",
                        {{n}} { Amount: > {{c}}m } large => $"large {large.Id}",
                        {{n}} small => $"regular {small.Id}",
                        string text when text.Length == 0 => "empty",
                        string text => text.Trim(),
                        IEnumerable<{{n}}> many => $"{many.Count()} items",
                        _ => value.ToString() ?? "unknown",
                    };

                    public static IReadOnlyList<{{n}}> Prioritize(IEnumerable<{{n}}> items, DateTimeOffset now) =>
                        items
                            .Where(x => now - x.CreatedAt < TimeSpan.FromDays({{7 + random.Next(60)}}))
                            .OrderByDescending(x => TierFor(x.Amount))
                            .ThenBy(x => x.CreatedAt)
                            .ToList();

                    public static bool TryParseTier(string? text, out {{n}}Tier tier)
                    {
                        tier = {{n}}Tier.Bronze;
                        if (string.IsNullOrWhiteSpace(text))
                        {
                            return false;
                        }

                        return Enum.TryParse(text.Trim(), ignoreCase: true, out tier);
                    }
                }
                """);
        }

        private static void Handler(CodeWriter w, Entity e, Random random)
        {
            string n = e.Name;
            w.Block($$"""
                public sealed record Create{{n}}Request(string Region, decimal Amount, IReadOnlyList<string> Codes);

                public sealed record Create{{n}}Response(Guid Id, string Status, IReadOnlyList<string> Warnings);

                public sealed class Create{{n}}Handler
                {
                    private readonly IRepository<{{n}}> repository;
                    private readonly ILog log;
                    private readonly IClock clock;
                    private readonly SemaphoreSlim gate = new SemaphoreSlim({{1 + random.Next(8)}});

                    public Create{{n}}Handler(IRepository<{{n}}> repository, ILog log, IClock clock)
                    {
                        this.repository = repository;
                        this.log = log;
                        this.clock = clock;
                    }

                    public async Task<Result<Create{{n}}Response>> HandleAsync(Create{{n}}Request request, CancellationToken cancellationToken)
                    {
                        var warnings = new List<string>();
                        if (request.Codes.Count == 0)
                        {
                            return Result<Create{{n}}Response>.Fail("At least one code is required.");
                        }

                        await this.gate.WaitAsync(cancellationToken).ConfigureAwait(false);
                        try
                        {
                            var entity = new {{n}} { Id = Guid.NewGuid(), CreatedAt = this.clock.UtcNow, Region = request.Region, Amount = request.Amount, Status = "Pending" };
                            foreach (string code in request.Codes.Distinct(StringComparer.OrdinalIgnoreCase))
                            {
                                if (code.Length > {{8 + random.Next(24)}})
                                {
                                    warnings.Add($"Code {code} truncated");
                                }

                                entity.Lines.Add(new {{n}}Line { Code = code.Length > 32 ? code.Substring(0, 32) : code, Quantity = 1, UnitPrice = request.Amount / request.Codes.Count });
                            }

                            await this.repository.AddAsync(entity, cancellationToken).ConfigureAwait(false);
                            return Result<Create{{n}}Response>.Ok(new Create{{n}}Response(entity.Id, entity.Status, warnings));
                        }
                        catch (Exception ex) when (ex is not OperationCanceledException)
                        {
                            this.log.Error(ex, $"Could not create {{n}} in {request.Region}");
                            return Result<Create{{n}}Response>.Fail(ex.Message);
                        }
                        finally
                        {
                            this.gate.Release();
                        }
                    }

                    public async Task<IReadOnlyList<Result<Create{{n}}Response>>> HandleManyAsync(IEnumerable<Create{{n}}Request> requests, CancellationToken cancellationToken)
                    {
                        var results = new List<Result<Create{{n}}Response>>();
                        foreach (IReadOnlyList<Create{{n}}Request> batch in requests.InBatches({{4 + random.Next(60)}}))
                        {
                            Result<Create{{n}}Response>[] done = await Task.WhenAll(batch.Select(r => this.HandleAsync(r, cancellationToken))).ConfigureAwait(false);
                            results.AddRange(done);
                            int failed = done.Count(r => !r.IsSuccess);
                            if (failed > 0)
                            {
                                this.log.Warn($"{failed} of {done.Length} {{n}} requests failed");
                            }
                        }

                        return results;
                    }
                }
                """);
        }

        // ---------------------------------------------------------------- Spark pipelines

        private sealed class SparkNames
        {
            public SparkNames(Random random, Entity entity)
            {
                this.Time = Pick(random, TimeColumns);
                this.Key = Pick(random, KeyColumns);
                this.Value = Pick(random, ValueColumns);
                this.Topic = Kebab(entity.Domain) + "-" + Kebab(entity.Name) + "-events";
                this.Table = entity.Domain.ToLowerInvariant() + "." + Kebab(entity.Name).Replace('-', '_');
            }

            public string Time { get; }

            public string Key { get; }

            public string Value { get; }

            public string Topic { get; }

            public string Table { get; }
        }

        /// <summary>
        /// A Spark job class. <paramref name="minLines"/> &gt; 0 keeps adding pipelines until the file is that long
        /// (the IDE document); otherwise it holds 5–9 pipelines.
        /// </summary>
        private static GeneratedFile SparkFile(Random random, int index, int minLines, ref int sl1001, ref int sl1010)
        {
            var e = new Entity(random);
            var s = new SparkNames(random, e);
            var w = new CodeWriter();
            string job = e.Name + "StreamingJob";
            Usings(w, "Microsoft.Spark.Sql", "Microsoft.Spark.Sql.Streaming", "Contoso.Common");
            w.Line("using static Microsoft.Spark.Sql.Functions;");
            w.Line();
            w.Open($"namespace Contoso.{e.Domain}.S{index}");
            w.Open($"public sealed class {job}");
            w.Block($$"""
                private const string EventSchema = "id STRING, {{s.Key}} STRING, {{s.Value}} DOUBLE, {{s.Time}} TIMESTAMP, status STRING";

                private readonly SparkSession spark;
                private readonly string bootstrapServers;
                private readonly string outputRoot;
                private readonly ILog log;

                public {{job}}(SparkSession spark, string bootstrapServers, string outputRoot, ILog log)
                {
                    this.spark = spark;
                    this.bootstrapServers = bootstrapServers;
                    this.outputRoot = outputRoot.TrimEnd('/');
                    this.log = log;
                }

                public static SparkSession CreateSession(string appName) =>
                    SparkSession.Builder()
                        .AppName(appName)
                        .Config("spark.sql.shuffle.partitions", "{{8 << random.Next(5)}}")
                        .Config("spark.sql.session.timeZone", "UTC")
                        .GetOrCreate();

                public void AwaitAll()
                {
                    foreach (StreamingQuery query in this.spark.Streams().Active())
                    {
                        if (!query.IsActive())
                        {
                            this.log.Warn($"Query {query.Name} ({query.Id}) is not active");
                        }
                    }

                    this.spark.Streams().AwaitAnyTermination();
                }

                private DataFrame ReadKafka(string topic) =>
                    this.spark
                        .ReadStream()
                        .Format("kafka")
                        .Option("kafka.bootstrap.servers", this.bootstrapServers)
                        .Option("subscribe", topic)
                        .Option("failOnDataLoss", false)
                        .Load();

                private static DataFrame Parse(DataFrame raw) =>
                    raw.SelectExpr("CAST(value AS STRING) AS json")
                        .Select(FromJson(Col("json"), EventSchema).Alias("e"))
                        .Select(Col("e.*"));

                private static DataFrame Enrich(DataFrame events) =>
                    events
                        .WithColumn("{{s.Value}}", Col("{{s.Value}}").Cast("double"))
                        .WithColumn("{{s.Key}}", Upper(Trim(Col("{{s.Key}}"))))
                        .Filter(Col("{{s.Value}}").IsNotNull())
                        .WithColumn("ingestedAt", CurrentTimestamp());

                """);

            var started = new List<string>();
            int pipelines = minLines > 0 ? int.MaxValue : 5 + random.Next(5);
            for (int p = 0; p < pipelines && (minLines == 0 || w.Lines < minLines - 40); p++)
            {
                string name = e.Name + "Q" + p;
                bool mistake = random.Next(100) < 20;
                switch (random.Next(10))
                {
                    case 0:
                    case 1:
                        WindowedTotals(w, s, name, random, mistake, ref sl1001, ref sl1010);
                        break;
                    case 2:
                        Enriched(w, s, name, random, mistake);
                        break;
                    case 3:
                        ToWarehouse(w, s, name, mistake);
                        break;
                    case 4:
                        JoinedWithReference(w, s, name, random);
                        break;
                    case 5:
                        Deduplicated(w, s, name, random, mistake);
                        break;
                    case 6:
                        Alerts(w, s, name, random);
                        break;
                    case 7:
                        DailyReport(w, s, name);
                        continue; // a batch job: nothing to start
                    case 8:
                        ToTable(w, s, name, mistake);
                        break;
                    default:
                        Archive(w, s, name, random);
                        break;
                }

                started.Add(name);
            }

            w.Open("public IReadOnlyList<StreamingQuery> StartAll(bool production)");
            w.Line("var queries = new List<StreamingQuery>();");
            foreach (string name in started)
            {
                w.Line($"queries.Add(this.{name}(production));");
            }

            w.Line("this.log.Info($\"Started {queries.Count} queries\");");
            w.Line("return queries;");
            w.Close();
            w.Close();
            w.Close();
            return Finish(w, $"{e.Domain}/S{index}/{job}.cs", FileKind.Spark);
        }

        private static void WindowedTotals(CodeWriter w, SparkNames s, string name, Random random, bool mistake, ref int sl1001, ref int sl1010)
        {
            bool forgetWatermark = mistake && random.Next(2) == 0;
            bool forgetCheckpoint = mistake && !forgetWatermark;
            bool update = !forgetWatermark && random.Next(3) == 0;
            string mode = update ? "OutputMode.Update" : random.Next(2) == 0 ? "OutputMode.Append" : "\"append\"";
            string sink = update ? "kafka" : Pick(random, new[] { "parquet", "delta", "parquet", "json" });
            w.Block($$"""
                public StreamingQuery {{name}}(bool production)
                {
                    DataFrame events = this.spark
                        .ReadStream()
                        .Format("kafka")
                        .Option("kafka.bootstrap.servers", this.bootstrapServers)
                        .Option("subscribe", "{{s.Topic}}")
                        .Option("startingOffsets", production ? "latest" : "earliest")
                        .Load()
                        .Select(Col("value").Cast("string").Alias("json"), Col("timestamp"))
                        .Select(FromJson(Col("json"), EventSchema).Alias("e"), Col("timestamp"))
                        .Select(Col("e.{{s.Key}}").Alias("{{s.Key}}"), Col("e.{{s.Value}}").Cast("double").Alias("{{s.Value}}"), Col("timestamp").Alias("{{s.Time}}"));

                    return events
                """);
            if (!forgetWatermark)
            {
                w.Line($"        .WithWatermark(\"{s.Time}\", \"{Pick(random, Delays)}\")");
            }

            w.Block($$"""
                        .GroupBy(Window(Col("{{s.Time}}"), "{{Pick(random, Windows)}}"), Col("{{s.Key}}"))
                        .Agg(Sum(Col("{{s.Value}}")).Alias("total"), Count(Col("{{s.Key}}")).Alias("events"), Max(Col("{{s.Value}}")).Alias("peak"))
                        .WriteStream()
                        .OutputMode({{mode}})
                        .Format("{{sink}}")
                """);
            if (sink == "kafka")
            {
                w.Line("        .Option(\"kafka.bootstrap.servers\", this.bootstrapServers)");
                w.Line($"        .Option(\"topic\", \"{s.Topic}-totals\")");
            }
            else
            {
                w.Line($"        .Option(\"path\", this.outputRoot + \"/{Kebab(name)}\")");
            }

            if (!forgetCheckpoint)
            {
                w.Line($"        .Option(\"checkpointLocation\", this.outputRoot + \"/_checkpoints/{Kebab(name)}\")");
            }

            w.Block("""
                        .Trigger(Trigger.ProcessingTime("1 minute"))
                        .Start();
                }

                """);
            if (forgetWatermark)
            {
                sl1001++;
            }

            if (forgetCheckpoint)
            {
                sl1010++;
            }
        }

        private static void Enriched(CodeWriter w, SparkNames s, string name, Random random, bool mistake)
        {
            w.Block($$"""
                public StreamingQuery {{name}}(bool production)
                {
                    DataStreamReader reader = this.spark.ReadStream();
                    reader.Format("kafka");
                    reader.Option("kafka.bootstrap.servers", this.bootstrapServers);
                    reader.Option("subscribe", "{{s.Topic}}");
                    DataFrame raw = reader.Load();
                    DataFrame parsed = Parse(raw);
                    DataFrame enriched = Enrich(parsed);
                    DataFrame watermarked = enriched.WithWatermark("{{s.Time}}", "{{Pick(random, Delays)}}");
                    RelationalGroupedDataset grouped = watermarked.GroupBy(Window(Col("{{s.Time}}"), "{{Pick(random, Windows)}}", "1 minute"), Col("{{s.Key}}"));
                    DataFrame totals = grouped.Agg(Avg(Col("{{s.Value}}")).Alias("average"), Count(Col("{{s.Key}}")).Alias("n"));
                    DataStreamWriter writer = totals.WriteStream();
                    writer.OutputMode(OutputMode.Update);
                    if (production)
                    {
                        writer.Format("kafka");
                        writer.Option("kafka.bootstrap.servers", this.bootstrapServers);
                        writer.Option("topic", "{{s.Topic}}-averages");
                    }
                    else
                    {
                        writer.Format("console");
                    }

                """);
            if (!mistake)
            {
                w.Line($"    writer.Option(\"checkpointLocation\", this.outputRoot + \"/_checkpoints/{Kebab(name)}\");");
            }

            w.Block("""
                    return writer.Start();
                }

                """);
        }

        private static void ToWarehouse(CodeWriter w, SparkNames s, string name, bool mistake)
        {
            w.Block($$"""
                public StreamingQuery {{name}}(bool production)
                {
                    DataFrame source = Enrich(Parse(this.ReadKafka("{{s.Topic}}")));
                    return source
                        .WriteStream()
                        .ForeachBatch((batch, batchId) =>
                        {
                            batch.Persist();
                            batch.Write().Mode(SaveMode.Append).Format("parquet").Save(this.outputRoot + "/warehouse/{{Kebab(name)}}");
                            batch.Filter(Col("{{s.Value}}").Gt(1000)).Write().Mode("append").Json(this.outputRoot + "/large/{{Kebab(name)}}");
                            batch.Unpersist();
                            this.log.Info($"Batch {batchId} written");
                        })
                """);
            if (!mistake)
            {
                w.Line($"        .Option(\"checkpointLocation\", this.outputRoot + \"/_checkpoints/{Kebab(name)}\")");
            }

            w.Block("""
                        .Trigger(Trigger.ProcessingTime(30000))
                        .Start();
                }

                """);
        }

        private static void JoinedWithReference(CodeWriter w, SparkNames s, string name, Random random) =>
            w.Block($$"""
                public StreamingQuery {{name}}(bool production)
                {
                    DataFrame reference = this.spark.Read().Format("parquet").Load(this.outputRoot + "/reference/{{s.Key}}")
                        .Select(Col("{{s.Key}}"), Col("label"), Col("tier"));
                    DataFrame stream = this.spark
                        .ReadStream()
                        .Format("json")
                        .Schema(EventSchema)
                        .Option("maxFilesPerTrigger", {{1 + random.Next(50)}})
                        .Load(this.outputRoot + "/landing/{{Kebab(name)}}");
                    DataFrame joined = stream
                        .Join(reference, "{{s.Key}}")
                        .Filter(Col("tier").IsIn("gold", "platinum"))
                        .Where(Col("{{s.Value}}") > {{random.Next(1000)}});
                    return joined.WriteStream().Format(production ? "memory" : "console").QueryName("{{Kebab(name)}}").OutputMode("append").Start();
                }

                """);

        private static void Deduplicated(CodeWriter w, SparkNames s, string name, Random random, bool mistake)
        {
            w.Block($$"""
                public StreamingQuery {{name}}(bool production)
                {
                    DataFrame events = this.ReadKafka("{{s.Topic}}-raw")
                        .SelectExpr("CAST(value AS STRING) AS id", "timestamp AS {{s.Time}}");
                    DataFrame unique = events
                        .WithWatermark("{{s.Time}}", "{{Pick(random, Delays)}}")
                        .DropDuplicates("id", "{{s.Time}}");
                    DataStreamWriter writer = unique.WriteStream().Format("delta").OutputMode("append");
                """);
            if (!mistake)
            {
                w.Line($"    writer = writer.Option(\"checkpointLocation\", this.outputRoot + \"/_checkpoints/{Kebab(name)}\");");
            }

            w.Block($$"""
                    return writer.Start(this.outputRoot + "/unique/{{Kebab(name)}}");
                }

                """);
        }

        private static void Alerts(CodeWriter w, SparkNames s, string name, Random random) =>
            w.Block($$"""
                public StreamingQuery {{name}}(bool production)
                {
                    DataFrame alerts = this.ReadKafka("{{s.Topic}}")
                        .SelectExpr("CAST(value AS STRING) AS json", "timestamp")
                        .Select(FromJson(Col("json"), EventSchema).Alias("e"), Col("timestamp"))
                        .Filter(Col("e.{{s.Value}}") > {{100 + random.Next(10000)}})
                        .SelectExpr("e.id AS key", "to_json(e) AS value");
                    string format = production ? "kafka" : "console";
                    DataStreamWriter writer = alerts.WriteStream().Format(format).QueryName("{{Kebab(name)}}-alerts");
                    if (production)
                    {
                        writer.Option("kafka.bootstrap.servers", this.bootstrapServers).Option("topic", "{{s.Topic}}-alerts");
                    }

                    writer.Option("checkpointLocation", this.outputRoot + "/_checkpoints/{{Kebab(name)}}-alerts");
                    return writer.Start();
                }

                """);

        private static void DailyReport(CodeWriter w, SparkNames s, string name) =>
            w.Block($$"""
                public void {{name}}(string day)
                {
                    DataFrame history = this.spark.Read().Option("mergeSchema", true).Parquet(this.outputRoot + "/warehouse/{{Kebab(name)}}");
                    DataFrame daily = history
                        .Filter(Col("{{s.Time}}").Cast("date") == Lit(day))
                        .GroupBy("{{s.Key}}")
                        .Agg(Sum(Col("{{s.Value}}")).Alias("total"), ApproxCountDistinct(Col("id")).Alias("distinct"))
                        .OrderBy(Col("total").Desc())
                        .Limit(100);
                    daily.Write().Mode(SaveMode.Overwrite).Format("csv").Option("header", true).Save(this.outputRoot + "/reports/{{Kebab(name)}}/" + day);
                    this.log.Info($"Report for {day}: {daily.Count()} rows");
                }

                """);

        private static void ToTable(CodeWriter w, SparkNames s, string name, bool mistake)
        {
            w.Block($$"""
                public StreamingQuery {{name}}(bool production)
                {
                    DataFrame updates = this.ReadKafka("{{s.Topic}}-cdc")
                        .SelectExpr("CAST(key AS STRING) AS {{s.Key}}", "CAST(value AS STRING) AS payload", "timestamp AS {{s.Time}}");
                    return updates
                        .WriteStream()
                """);
            if (!mistake)
            {
                w.Line($"        .Option(\"checkpointLocation\", this.outputRoot + \"/_checkpoints/{Kebab(name)}-table\")");
            }

            w.Block($$"""
                        .Trigger(production ? Trigger.ProcessingTime("5 minutes") : Trigger.Once())
                        .ToTable("{{s.Table}}_updates");
                }

                """);
        }

        private static void Archive(CodeWriter w, SparkNames s, string name, Random random) =>
            w.Block($$"""
                public StreamingQuery {{name}}(bool production)
                {
                    DataFrame files = this.spark
                        .ReadStream()
                        .Schema(EventSchema)
                        .Option("maxFilesPerTrigger", {{10 + random.Next(90)}}L)
                        .Json(this.outputRoot + "/incoming/{{Kebab(name)}}");
                    DataFrame cleaned = files
                        .WithColumn("day", Col("{{s.Time}}").Cast("date"))
                        .Na()
                        .Drop();
                    return cleaned
                        .WriteStream()
                        .Format("parquet")
                        .PartitionBy("day")
                        .Option("path", this.outputRoot + "/archive/{{Kebab(name)}}")
                        .Option("checkpointLocation", this.outputRoot + "/_checkpoints/{{Kebab(name)}}-archive")
                        .Start();
                }

                """);
    }
}
