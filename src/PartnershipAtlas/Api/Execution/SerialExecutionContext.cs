using System.Buffers;
using GraphQL.Execution;
using ExecutionContext = GraphQL.Execution.ExecutionContext;

namespace PartnershipAtlas.Api.Execution;

/// <summary>
/// GraphQL.NET's execution context for a request whose fields resolve one at a time (every operation here runs with
/// the serial strategy), which tracks the execution-node arrays it rents without a lock. GraphQL.NET's own takes a
/// lock for each array rented and again to return them; issue 20's profile of the nested connection found that
/// lock's slow path (<c>Monitor.Enter_Slowpath</c> under <c>ClearContext</c>) at ~5% of the busy time. Arrays of
/// other types are left to GraphQL.NET's tracking.
/// </summary>
public sealed class SerialExecutionContext : ExecutionContext, IExecutionArrayPool
{
    private List<ExecutionNode[]>? nodeArrays;
    private bool othersRented;

    /// <summary>A copy of <paramref name="built"/> (GraphQL.NET's copy leaves out the errors and the output extensions: set here).</summary>
    public SerialExecutionContext(ExecutionContext built)
        : base(built)
    {
        Errors = built.Errors;
        OutputExtensions = built.OutputExtensions;
    }

    // Re-implements the pool's interface: GraphQL.NET's Rent is not virtual, and its strategies rent through the interface.
    TElement[] IExecutionArrayPool.Rent<TElement>(int minimumLength)
    {
        if (typeof(TElement) != typeof(ExecutionNode))
        {
            othersRented = true;
            return base.Rent<TElement>(minimumLength);
        }
        var array = ArrayPool<ExecutionNode>.Shared.Rent(minimumLength);
        (nodeArrays ??= []).Add(array);
        return (TElement[])(object)array;
    }

    protected override void ClearContext()
    {
        if (nodeArrays is { } arrays)
        {
            foreach (var array in arrays) ArrayPool<ExecutionNode>.Shared.Return(array, clearArray: true);
            arrays.Clear();
        }
        if (othersRented) base.ClearContext();
    }
}
