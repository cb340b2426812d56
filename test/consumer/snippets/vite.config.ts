import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

const kitTags = ['sign-in-form', 'social-buttons', 'qr-sign-in'];

export default defineConfig({
  plugins: [vue({ template: { compilerOptions: { isCustomElement: (tag) => kitTags.includes(tag) } } })],
});
