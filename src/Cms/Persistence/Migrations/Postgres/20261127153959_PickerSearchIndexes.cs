using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PoleKnowledge.Cms.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PickerSearchIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_MediaNode_Name",
                table: "MediaNode",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_ContentCulture_Culture_Name",
                table: "ContentCulture",
                columns: new[] { "Culture", "Name" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_MediaNode_Name",
                table: "MediaNode");

            migrationBuilder.DropIndex(
                name: "IX_ContentCulture_Culture_Name",
                table: "ContentCulture");
        }
    }
}
