using PoleKnowledge.Cms.Hosting;
using PoleKnowledge.Extensions.Delivery;
using PoleKnowledge.Extensions.Structures;

namespace PoleKnowledge.Extensions;

/// <summary>The pôle's features, registered into the engine in order.</summary>
public sealed class PoleExtension : IHubExtension
{
    public void Register(HubBuilder builder)
    {
        builder.AddPropertyEditor(new SiretPropertyEditor());
        PoleDeliveryRegistration.Register(builder.Services);
    }
}
