namespace Taskdeck.Core.Providers;

/// <summary>Collects a stream up to a limit, reporting when the limit is passed.</summary>
internal sealed class CappedBuffer(int limit)
{
    private byte[] _bytes = new byte[Math.Min(limit, 16 * 1024)];

    public int Length { get; private set; }

    public long TotalBytes { get; private set; }

    public bool IsOverLimit => TotalBytes > limit;

    /// <summary>
    /// Appends what still fits; returns false once the limit is passed, so that a stopped flood
    /// leaves exactly its first <c>limit</c> bytes.
    /// </summary>
    public bool Append(ReadOnlySpan<byte> chunk)
    {
        TotalBytes += chunk.Length;
        var kept = chunk[..Math.Min(chunk.Length, limit - Length)];
        if (Length + kept.Length > _bytes.Length)
        {
            Array.Resize(ref _bytes, (int)Math.Min(limit, Math.Max((long)_bytes.Length * 2, Length + kept.Length)));
        }

        kept.CopyTo(_bytes.AsSpan(Length));
        Length += kept.Length;
        return !IsOverLimit;
    }

    /// <summary>
    /// The collected bytes, once, when nothing more is appended. A full buffer is handed over as
    /// it is: copying it would allocate the limit (16 MiB) again for every flood.
    /// </summary>
    public byte[] TakeBytes() => Length == _bytes.Length ? _bytes : _bytes.AsSpan(0, Length).ToArray();
}

/// <summary>Keeps only the last bytes of a stream (stderr can be endless; its end says most).</summary>
internal sealed class TailBuffer(int capacity)
{
    private readonly byte[] _ring = new byte[capacity];

    // Where the next byte goes, counted without wrapping; a multiple of capacity means "starts at 0".
    private long _position;

    public void Append(ReadOnlySpan<byte> chunk)
    {
        if (chunk.Length >= capacity)
        {
            chunk[^capacity..].CopyTo(_ring);
            _position = capacity;
            return;
        }

        foreach (var b in chunk)
        {
            _ring[_position % capacity] = b;
            _position++;
        }
    }

    public byte[] ToArray()
    {
        if (_position <= capacity)
        {
            return _ring.AsSpan(0, (int)_position).ToArray();
        }

        var start = (int)(_position % capacity);
        return [.. _ring.AsSpan(start), .. _ring.AsSpan(0, start)];
    }
}
