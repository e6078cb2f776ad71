/**
 * happy-dom does no layout: every element is 0×0. The Items grid (and its virtualiser) measure their scroll
 * container with clientWidth/clientHeight, so tests give `.item-grid` elements a size here.
 */
const viewport = { width: 800, height: 600 };

export function setGridViewport(width: number, height: number): void {
  viewport.width = width;
  viewport.height = height;
}

export function resetGridViewport(): void {
  setGridViewport(800, 600);
}

function isGrid(element: Element): boolean {
  return element.classList.contains('item-grid');
}

export function installGridViewport(): void {
  const proto = HTMLElement.prototype;
  const width = Object.getOwnPropertyDescriptor(Element.prototype, 'clientWidth') ?? Object.getOwnPropertyDescriptor(proto, 'clientWidth');
  const height = Object.getOwnPropertyDescriptor(Element.prototype, 'clientHeight') ?? Object.getOwnPropertyDescriptor(proto, 'clientHeight');
  Object.defineProperty(proto, 'clientWidth', {
    configurable: true,
    get(this: HTMLElement) {
      return isGrid(this) ? viewport.width : ((width?.get?.call(this) as number | undefined) ?? 0);
    },
  });
  Object.defineProperty(proto, 'clientHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return isGrid(this) ? viewport.height : ((height?.get?.call(this) as number | undefined) ?? 0);
    },
  });
}
