namespace Taskdeck.Core.Providers;

/// <summary>Collects a stream up to a limit, reporting when the limit is passed.</summary>
internal sealed class CappedBuffer(int limit)
{
    private byte[] _bytes = new byte[Math.Min(limit, 16 * 1024)];

    public int Length { get; private set; }

    public long TotalBytes { get; private set; }

    public bool IsOverLimit => TotalBytes > limit;

    /// <summary>Appends; returns false once the limit is passed, and then keeps nothing more.</summary>
    public bool Append(ReadOnlySpan<byte> chunk)
    {
        TotalBytes += chunk.Length;
        if (IsOverLimit)
        {
            return false;
        }

        if (Length + chunk.Length > _bytes.Length)
        {
            Array.Resize(ref _bytes, (int)Math.Min(limit, Math.Max((long)_bytes.Length * 2, Length + chunk.Length)));
        }

        chunk.CopyTo(_bytes.AsSpan(Length));
        Length += chunk.Length;
        return true;
    }

    public byte[] ToArray() => _bytes.AsSpan(0, Length).ToArray();
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
