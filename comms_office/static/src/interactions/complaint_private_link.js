/** License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {Interaction} from "@web/public/interaction";
import {registry} from "@web/core/registry";

/**
 * The complainant's private link: a read-only field anyone can select and
 * copy; where scripts run, a button copies it in one touch.
 */
export class ComplaintPrivateLink extends Interaction {
    static selector = ".o_comms_private_link";
    dynamicContent = {
        "#complaint_link": {"t-on-focus": this.selectLink},
        ".o_comms_copy": {"t-on-click": this.onCopy},
    };

    setup() {
        this.input = this.el.querySelector("#complaint_link");
        this.status = this.el.querySelector(".o_comms_copy_status");
    }

    start() {
        this.el.querySelector(".o_comms_copy")?.classList.remove("d-none");
    }

    selectLink() {
        this.input.select();
    }

    async onCopy() {
        let copied = false;
        try {
            await this.waitFor(navigator.clipboard.writeText(this.input.value));
            copied = true;
        } catch {
            // no clipboard for this page (an old browser, a page not served
            // over https): the browser's own copy command, on the selection
            this.input.focus();
            this.input.select();
            try {
                copied = document.execCommand("copy");
            } catch {
                copied = false;
            }
        }
        this.input.select();
        const message = this.el.querySelector(
            copied ? ".o_comms_copied" : ".o_comms_copy_failed"
        );
        this.status.textContent = message.textContent.trim();
        this.status.classList.toggle("text-success", copied);
    }
}

registry
    .category("public.interactions")
    .add("comms_office.complaint_private_link", ComplaintPrivateLink);
