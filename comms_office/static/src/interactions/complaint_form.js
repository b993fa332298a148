/** License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {Interaction} from "@web/public/interaction";
import {registry} from "@web/core/registry";

/**
 * The public complaint form, made easier where scripts run; it works the
 * same without them (the server checks everything and gives the form back).
 *
 * - counts the characters of the description against its limit, and tells
 *   screen readers once the person pauses;
 * - marks the name and the consent as required when they are;
 * - after an error, takes the focus to the summary, and a link of the
 *   summary to its field.
 */
export class ComplaintForm extends Interaction {
    static selector = ".o_comms_complaint_form";
    dynamicContent = {
        "#description": {"t-on-input": this.onDescriptionInput},
        "input[name=kind], #expects_answer, #name, #email, #phone": {
            "t-on-input": this.updateRequired,
            "t-on-change": this.updateRequired,
        },
    };

    setup() {
        this.description = this.el.querySelector("#description");
        this.counter = this.el.querySelector(".o_comms_counter");
        this.count = this.el.querySelector(".o_comms_count");
        this.live = this.el.querySelector(".o_comms_counter_live");
        this.max = parseInt(this.description?.dataset.maxLength || "0", 10);
        this.summary = document.getElementById("complaint_errors");
    }

    start() {
        this.updateCounter();
        this.updateRequired();
        if (this.summary) {
            this.addListener(this.summary, "click", this.onSummaryClick);
            this.summary.focus();
        }
    }

    /** What the server counts: characters, not UTF-16 units. */
    get typed() {
        return [...(this.description?.value || "")].length;
    }

    onDescriptionInput() {
        this.updateCounter();
        clearTimeout(this.announceTimeout);
        this.announceTimeout = setTimeout(() => this.announce(), 1000);
    }

    updateCounter() {
        if (!this.counter || !this.count) {
            return;
        }
        const over = this.max && this.typed > this.max;
        this.count.textContent = String(this.typed);
        this.counter.classList.toggle("text-danger", Boolean(over));
        this.counter.classList.toggle("fw-bold", Boolean(over));
    }

    announce() {
        if (this.live && this.counter && !this.isDestroyed) {
            this.live.textContent = this.counter.textContent;
        }
    }

    updateRequired() {
        const value = (selector) => this.el.querySelector(selector)?.value.trim();
        const kind = this.el.querySelector("input[name=kind]:checked")?.value;
        const expectsAnswer = this.el.querySelector("#expects_answer")?.checked;
        this.setRequired("name", kind === "complaint" && expectsAnswer);
        this.setRequired(
            "consent",
            Boolean(value("#name") || value("#email") || value("#phone"))
        );
    }

    setRequired(id, required) {
        const input = this.el.querySelector(`#${id}`);
        const label = this.el.querySelector(`label[for=${id}]`);
        if (!input) {
            return;
        }
        input.required = required;
        if (required) {
            input.setAttribute("aria-required", "true");
        } else {
            input.removeAttribute("aria-required");
        }
        label?.classList.toggle("o_comms_required", required);
    }

    /** A link of the summary puts the person in the field, its label shown. */
    onSummaryClick(ev) {
        const link = ev.target.closest("a[href^='#']");
        const field = link && document.getElementById(link.hash.slice(1));
        if (!field) {
            return;
        }
        ev.preventDefault();
        const label =
            field.closest("fieldset")?.querySelector("legend") ||
            document.querySelector(`label[for="${field.id}"]`);
        (label || field).scrollIntoView({block: "start"});
        field.focus({preventScroll: true});
    }

    destroy() {
        clearTimeout(this.announceTimeout);
    }
}

registry
    .category("public.interactions")
    .add("comms_office.complaint_form", ComplaintForm);
