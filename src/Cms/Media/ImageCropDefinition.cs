namespace PoleKnowledge.Cms.Media;

/// <summary>A named crop every image offers (Umbraco's image cropper "crops"): alias and output size in pixels.</summary>
public sealed class ImageCropDefinition
{
    public string Alias { get; set; } = "";
    public int Width { get; set; }
    public int Height { get; set; }
}
