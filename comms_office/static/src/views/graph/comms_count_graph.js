/** License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {registry} from "@web/core/registry";
import {graphView} from "@web/views/graph/graph_view";
import {GraphRenderer} from "@web/views/graph/graph_renderer";

/**
 * A graph that counts things (complaints, clippings…): the value axis shows
 * whole numbers only, never 0.5 of a complaint.
 */
export class CommsCountGraphRenderer extends GraphRenderer {
    getScaleOptions() {
        const scales = super.getScaleOptions();
        const {fields, measure} = this.model.metaData;
        const counts = measure === "__count" || fields[measure]?.type === "integer";
        if (scales.y && counts) {
            // whole steps, written as whole numbers (1, 2, 3; not 1,00)
            scales.y.ticks.precision = 0;
            scales.y.ticks.callback = (value) => this.formatValue(value, true);
        }
        return scales;
    }
}

registry.category("views").add("comms_count_graph", {
    ...graphView,
    Renderer: CommsCountGraphRenderer,
});
