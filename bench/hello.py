import streamlit as st

st.write("Hello, world")  # the browser benchmark's reference page
