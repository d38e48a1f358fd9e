using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace StreamLint.Core.Plans
{
    /// <summary>
    /// A family's plans for a compilation: one <see cref="PlanReport"/> per query, topology or consume loop it can see,
    /// in source order, built from the same model the family's rules use. A compilation that does not reference the
    /// family's library yields nothing. Providers are listed in <c>StreamLint.PlanProviders.All</c>.
    /// </summary>
    public interface IPlanProvider
    {
        IEnumerable<PlanReport> Plans(Compilation compilation, CancellationToken cancellationToken);
    }
}
