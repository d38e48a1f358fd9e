using System;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using StreamLint.Core;
using Xunit;

namespace StreamLint.Tests.Core
{
    /// <summary>
    /// The shared facts (a member's queries, a compilation's settings, a file's members) are computed once while the
    /// analyzers ask for them on several threads, and a computation given up by its asker does not poison the others.
    /// </summary>
    public class OnceTests
    {
        [Fact]
        public async Task Askers_at_the_same_time_share_one_computation()
        {
            var once = new Once<string>();
            int computations = 0;
            using var start = new Barrier(8);

            string[] answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
            {
                start.SignalAndWait();
                return once.Get(
                    () =>
                    {
                        Interlocked.Increment(ref computations);
                        Thread.Sleep(50);
                        return "facts";
                    },
                    CancellationToken.None);
            })));

            Assert.Equal(1, computations);
            Assert.All(answers, answer => Assert.Equal("facts", answer));
        }

        [Fact]
        public void A_computation_cancelled_by_its_asker_is_forgotten()
        {
            var once = new Once<string>();
            using var cancelled = new CancellationTokenSource();
            cancelled.Cancel();

            Assert.ThrowsAny<OperationCanceledException>(() => once.Get(() => { cancelled.Token.ThrowIfCancellationRequested(); return "never"; }, cancelled.Token));

            Assert.Equal("facts", once.Get(() => "facts", CancellationToken.None));
        }

        [Fact]
        public void An_asker_whose_token_is_live_computes_afresh_when_another_askers_computation_was_cancelled()
        {
            var once = new Once<string>();
            int computations = 0;

            string answer = once.Get(
                () =>
                {
                    if (Interlocked.Increment(ref computations) == 1)
                    {
                        throw new OperationCanceledException(); // as if started by an asker that gave up
                    }

                    return "facts";
                },
                CancellationToken.None);

            Assert.Equal("facts", answer);
            Assert.Equal(2, computations);
        }

        [Fact]
        public async Task A_keyed_entry_is_computed_once_per_key_while_askers_race()
        {
            var cache = new OnceCache<string, int>(StringComparer.Ordinal);
            int computations = 0;
            using var start = new Barrier(8);

            int[] answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() =>
            {
                start.SignalAndWait();
                return cache.GetOrAdd(
                    i % 2 == 0 ? "even" : "odd",
                    key =>
                    {
                        Interlocked.Increment(ref computations);
                        Thread.Sleep(50);
                        return key.Length;
                    },
                    CancellationToken.None);
            })));

            Assert.Equal(2, computations);
            Assert.Equal(new[] { 4, 3, 4, 3, 4, 3, 4, 3 }, answers);
        }

        [Fact]
        public void The_first_value_stored_in_a_memo_table_wins()
        {
            var cache = new Cache<string, string>(StringComparer.Ordinal);

            Assert.Equal("first", cache.GetOrAdd("key", "first"));
            Assert.Equal("first", cache.GetOrAdd("key", "second"));
            Assert.Equal("first", cache.GetOrAdd("key", _ => "third"));
            Assert.True(cache.TryGetValue("key", out string? stored));
            Assert.Equal("first", stored);
        }

        [Fact]
        public async Task A_keyed_entry_given_its_state_is_computed_once_per_key_while_askers_race()
        {
            var cache = new OnceCache<string, string>(StringComparer.Ordinal);
            var computations = new StrongBox<int>();
            using var start = new Barrier(8);

            string[] answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() =>
            {
                start.SignalAndWait();
                return cache.GetOrAdd(
                    i % 2 == 0 ? "even" : "odd",
                    static (key, state) =>
                    {
                        Interlocked.Increment(ref state.Counter.Value);
                        Thread.Sleep(50);
                        return key + state.Suffix;
                    },
                    (Suffix: "!", Counter: computations),
                    CancellationToken.None);
            })));

            Assert.Equal(2, computations.Value);
            Assert.Equal(new[] { "even!", "odd!", "even!", "odd!", "even!", "odd!", "even!", "odd!" }, answers);
        }

        [Fact]
        public void A_hit_with_state_neither_computes_nor_allocates()
        {
            var memo = new Cache<string, string>(StringComparer.Ordinal);
            var once = new OnceCache<string, string>(StringComparer.Ordinal);
            int computations = 0;
            Func<string, int, string> make = (key, n) => { computations++; return key + n; };
            Assert.Equal("a1", memo.GetOrAdd("a", make, 1));
            Assert.Equal("a1", once.GetOrAdd("a", make, 1, CancellationToken.None));
            Assert.Equal(2, computations);

            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 1000; i++)
            {
                _ = memo.GetOrAdd("a", make, 2);
                _ = once.GetOrAdd("a", make, 2, CancellationToken.None);
            }

            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.Equal(2, computations);
            Assert.Equal("a1", memo.GetOrAdd("a", make, 3));
            Assert.True(allocated < 1000, $"{allocated} bytes allocated by 2,000 hits");
        }
    }
}