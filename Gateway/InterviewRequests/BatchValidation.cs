namespace Scheduler.Gateway.InterviewRequests;

/// <summary>
/// The first step of a batch (<see cref="BatchProcessor.ValidateAsync"/>): each item judged on its own, as
/// <c>POST /v1/interview-requests/batch</c> judges it, before anything is stored.
/// </summary>
public sealed class BatchValidation
{
    private readonly InterviewRequestSpec?[] _specs;
    private readonly BatchItemResponse?[] _rejected;

    /// <summary>Creates the outcome of validating <paramref name="specs"/>.Length items.</summary>
    /// <param name="specs">Per item, its spec when valid, else <see langword="null"/>.</param>
    /// <param name="rejected">Per item, why it was rejected, else <see langword="null"/>.</param>
    internal BatchValidation(InterviewRequestSpec?[] specs, BatchItemResponse?[] rejected)
    {
        _specs = specs;
        _rejected = rejected;
    }

    /// <summary>How many items were judged.</summary>
    public int Count => _specs.Length;

    /// <summary>Whether every item is valid.</summary>
    public bool IsValid => Array.TrueForAll(_rejected, r => r is null);

    /// <summary>The rejected items (each <c>{index, error}</c>), in item order.</summary>
    public IEnumerable<BatchItemResponse> Rejected => _rejected.OfType<BatchItemResponse>();

    /// <summary>The spec of item <paramref name="index"/>, when valid.</summary>
    /// <param name="index">The zero-based item index.</param>
    /// <returns>The spec, or <see langword="null"/> when the item was rejected.</returns>
    public InterviewRequestSpec? Spec(int index) => _specs[index];

    /// <summary>Why item <paramref name="index"/> was rejected.</summary>
    /// <param name="index">The zero-based item index.</param>
    /// <returns>The rejection, or <see langword="null"/> when the item is valid.</returns>
    public BatchItemResponse? RejectionOf(int index) => _rejected[index];
}
